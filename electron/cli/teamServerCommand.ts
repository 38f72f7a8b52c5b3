import path from 'node:path';
import { createInterface } from 'node:readline';
import { Accounts, AccountError } from '../teamServer/accounts.js';
import { DATA_FOLDER, startTeamServer } from '../teamServer/teamServer.js';
import { Sessions } from '../teamServer/sessions.js';
import { PERMISSIONS, ROLES, describePermissions, type Permission } from '../../shared/collab/roles.js';
import type { CliIo } from './cli.js';

export const TEAM_SERVER_USAGE = `Usage:
  briefing team-server --workspace <folder> [--port N] [--host ADDRESS] [--tls-cert FILE --tls-key FILE]
      Serve the packs in <folder> for live co-editing. Listens on 127.0.0.1 unless --host is
      given; use TLS (or a TLS proxy) whenever it is reachable from the network.
  briefing team-server add-user NAME --workspace <folder> --role ROLE[,exempt]
      Add a user (or set a user's password and role). ROLE is suggest, edit or approve;
      add ",exempt" to let them see exempt packs. The password is read from the terminal,
      or from the first line of standard input when it is not a terminal.
  briefing team-server users --workspace <folder>
      List the users and what each may do.`;

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

/** Hidden password from the terminal (asked twice), or the first line of piped input. */
async function readPassword(io: CliIo): Promise<string> {
  if (!process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    return '';
  }
  const ask = (prompt: string) =>
    new Promise<string>((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
        if (s.includes(prompt)) process.stdout.write(prompt);
      };
      rl.question(prompt, (answer) => {
        rl.close();
        process.stdout.write('\n');
        resolve(answer);
      });
    });
  const first = await ask('Password: ');
  const second = await ask('Password again: ');
  if (first !== second) {
    io.err('The two passwords differ; nothing was changed.');
    return '';
  }
  return first;
}

function parseRole(text: string | undefined): Permission[] | string {
  if (!text) return `Say what the user may do with --role (${Object.keys(ROLES).join(', ')}; add ",exempt" for exempt packs).`;
  const parts = text.split(',').map((p) => p.trim().toLowerCase()).filter(Boolean);
  const out = new Set<Permission>();
  for (const part of parts) {
    if (part in ROLES) ROLES[part]!.forEach((p) => out.add(p));
    else if ((PERMISSIONS as readonly string[]).includes(part)) out.add(part as Permission);
    else return `"${part}" is not a role. Use suggest, edit or approve, optionally with ",exempt".`;
  }
  return [...out];
}

export async function teamServerCommand(args: string[], io: CliIo): Promise<number> {
  const workspace = option(args, '--workspace');
  if (!workspace) {
    io.err(`team-server: name the workspace folder with --workspace.\n\n${TEAM_SERVER_USAGE}`);
    return 2;
  }
  const dataFolder = path.join(path.resolve(workspace), DATA_FOLDER);
  if (args[0] === 'add-user') {
    const name = args[1];
    if (!name || name.startsWith('--')) {
      io.err('team-server add-user: give the user name first, e.g. briefing team-server add-user "Alex Morgan" --role edit --workspace <folder>.');
      return 2;
    }
    const role = parseRole(option(args, '--role'));
    if (typeof role === 'string') {
      io.err(`team-server add-user: ${role}`);
      return 2;
    }
    const password = await readPassword(io);
    if (!password) {
      io.err('team-server add-user: no password given; nothing was changed.');
      return 1;
    }
    try {
      const outcome = await Accounts.inFolder(dataFolder).setUser(name, password, role);
      // A new password or role ends the user's sessions on the next start of the server.
      await Sessions.inFolder(dataFolder, 1).endFor(name);
      io.out(`${outcome === 'added' ? 'Added' : 'Updated'} ${name.trim()}: ${describePermissions(role)}.`);
      return 0;
    } catch (err) {
      io.err(`team-server add-user: ${err instanceof AccountError ? err.message : (err as Error).message}`);
      return 1;
    }
  }
  if (args[0] === 'users') {
    const users = await Accounts.inFolder(dataFolder).list();
    if (users.length === 0) io.out('No users yet. Add one with briefing team-server add-user NAME --role edit --workspace <folder>.');
    for (const u of users) io.out(`${u.name}: ${describePermissions(u.permissions)}`);
    return 0;
  }
  const portText = option(args, '--port');
  const port = portText === undefined ? 8787 : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.err(`team-server: "${portText}" is not a port number (0 to 65535).`);
    return 2;
  }
  const cert = option(args, '--tls-cert');
  const key = option(args, '--tls-key');
  if (Boolean(cert) !== Boolean(key)) {
    io.err('team-server: give both --tls-cert and --tls-key, or neither.');
    return 2;
  }
  let server;
  try {
    server = await startTeamServer({ workspace, port, host: option(args, '--host'), tls: cert && key ? { cert, key } : undefined, log: (line) => io.out(line) });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    io.err(`team-server: ${e.code === 'EADDRINUSE' ? `port ${port} is already in use; choose another with --port.` : e.message}`);
    return 1;
  }
  const users = await Accounts.inFolder(dataFolder).list();
  io.out(`Team server for ${path.resolve(workspace)} at ${server.url.replace(/^http/, 'ws')} (sign-in at ${server.url}).`);
  if (users.length === 0) io.out('No users yet: add one with briefing team-server add-user NAME --role edit --workspace <folder>.');
  io.out('Stop it with Ctrl+C; edits are saved as they arrive.');
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  io.out('Stopping: saving every open pack…');
  await server.close();
  io.out('Stopped.');
  return 0;
}
