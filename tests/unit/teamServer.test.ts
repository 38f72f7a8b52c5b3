import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { $createTextNode, $getRoot, $isTextNode } from 'lexical';
import { $createSuggestionNode } from '../../shared/richtext/SuggestionNode.js';
import * as Y from 'yjs';
import { startTeamServer, plainTextWarning, type TeamServer } from '../../electron/teamServer/teamServer.js';
import { CLOSE } from '../../shared/collab/protocol.js';
import { recordMap } from '../../shared/collab/layout.js';
import { writeFields } from '../../shared/collab/fields.js';
import { parsePackText } from '../../shared/pack/parse.js';
import { useTempDirs } from '../support/tempDir.js';
import { connect, signIn, until, type TeamClient } from '../support/teamClient.js';
import { PASSWORD, addUsers, teamPack, writeTeamPack } from '../support/teamWorkspace.js';

/**
 * The team server on 127.0.0.1 with real WebSockets (y-websocket's provider in Node): sign-in,
 * live edits between two clients through bound Lexical editors, "saved" only after the log is
 * on disk, the `.briefing` file rewritten from the doc, and every refusal in plain words.
 */
const tempDir = useTempDirs();
const servers: TeamServer[] = [];
const clients: TeamClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.close();
});

async function setUp(options: { sessionTtlMs?: number } = {}) {
  const workspace = await tempDir('team');
  await writeTeamPack(workspace, 'cabinet.briefing', teamPack('Cabinet briefing'));
  await writeTeamPack(workspace, 'secret.briefing', teamPack('Port costs', undefined, true));
  await addUsers(workspace, [
    ['Alex Morgan', ['edit']],
    ['Sam Reviewer', []],
    ['Director', ['edit', 'approve', 'exempt']],
  ]);
  const server = await startTeamServer({ workspace, room: { settleMs: 50, maxLagMs: 200 }, log: () => {}, ...options });
  servers.push(server);
  return { workspace, server, base: server.url };
}

async function join(base: string, name: string, file = 'cabinet.briefing') {
  const { body } = await signIn(base, name, PASSWORD);
  const client = connect(base, file, body.token, { sections: ['summary', 'angle'], name });
  clients.push(client);
  return client;
}

function typeAtEnd(client: TeamClient, section: string, text: string): void {
  const { editor } = client.section(section);
  editor.update(() => {
    const last = $getRoot().getAllTextNodes().at(-1)!;
    if ($isTextNode(last)) last.spliceText(last.getTextContentSize(), 0, text);
  }, { discrete: true });
}
const textOf = (client: TeamClient, section: string) => client.section(section).editor.getEditorState().read(() => $getRoot().getTextContent());

describe('team server', () => {
  it('relays edits both ways, says "saved" after the fsync, and rewrites the .briefing file', async () => {
    const { base, workspace } = await setUp();
    const a = await join(base, 'Alex Morgan');
    const b = await join(base, 'Director');
    await Promise.all([a.synced(), b.synced()]);
    await until(() => textOf(a, 'summary') === 'Summary text.' && textOf(b, 'summary') === 'Summary text.', 'both see the pack');
    typeAtEnd(a, 'summary', ' From Alex.');
    typeAtEnd(b, 'angle', ' From the Director.');
    await until(() => textOf(b, 'summary').endsWith('From Alex.') && textOf(a, 'angle').endsWith('From the Director.'), 'edits cross');
    await a.allSaved();
    await b.allSaved();
    await until(() => a.provider.awareness.getStates().size === 2, 'presence of both');
    const names = [...a.provider.awareness.getStates().values()].map((s) => (s as { user?: { name: string } }).user?.name).sort();
    expect(names).toEqual(['Alex Morgan', 'Director']);
    let onDisk = '';
    // The file is rewritten once changes settle (50 ms here): poll it like a backup tool would.
    for (let i = 0; i < 400 && !(onDisk.includes('From Alex.') && onDisk.includes('From the Director.')); i++) {
      onDisk = await readFile(path.join(workspace, 'cabinet.briefing'), 'utf8');
      await new Promise((r) => setTimeout(r, 50));
    }
    const pack = parsePackText(onDisk);
    expect(pack.frontSheet.title).toBe('Cabinet briefing');
    expect(JSON.stringify(pack.sections[0]!.content)).toContain('Summary text. From Alex.');
  });

  it('lists the packs a user may see, with who is in each', async () => {
    const { base } = await setUp();
    await join(base, 'Alex Morgan').then((c) => c.synced());
    const alex = (await signIn(base, 'Alex Morgan', PASSWORD)).body.token;
    const director = (await signIn(base, 'Director', PASSWORD)).body.token;
    const list = async (token: string) => (await (await fetch(`${base}/api/packs`, { headers: { Authorization: `Bearer ${token}` } })).json()).packs;
    const forAlex = await list(alex);
    expect(forAlex.map((p: { file: string }) => p.file)).toEqual(['cabinet.briefing']);
    expect(forAlex[0].people).toEqual(['Alex Morgan']);
    expect((await list(director)).map((p: { file: string }) => p.file)).toEqual(['cabinet.briefing', 'secret.briefing']);
  });

  it('refuses a wrong password, an unknown or expired session and an exempt pack, in plain words', async () => {
    const { base } = await setUp({ sessionTtlMs: 1500 });
    const wrong = await signIn(base, 'Alex Morgan', 'not the password');
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe('That name and password do not match an account on this team server.');
    expect((await signIn(base, 'Nobody', PASSWORD)).status).toBe(401);

    const stranger = connect(base, 'cabinet.briefing', 'made-up-token');
    clients.push(stranger);
    expect(await stranger.closed).toEqual({ code: CLOSE.signIn.code, reason: CLOSE.signIn.reason });

    const alex = await join(base, 'Alex Morgan', 'secret.briefing');
    expect(await alex.closed).toEqual({ code: CLOSE.forbidden.code, reason: CLOSE.forbidden.reason });

    const { body } = await signIn(base, 'Alex Morgan', PASSWORD);
    await until(() => Date.now() > body.expiresAt, 'the session to expire', 5000);
    const late = connect(base, 'cabinet.briefing', body.token);
    clients.push(late);
    expect(await late.closed).toEqual({ code: CLOSE.expired.code, reason: CLOSE.expired.reason });
    const res = await fetch(`${base}/api/packs`, { headers: { Authorization: `Bearer ${body.token}` } });
    expect(res.status).toBe(401);
    expect((await res.json()).error).toMatch(/expired/);
  });

  it('lets a suggest-only account comment and suggest but not change the text, and only approvers sign off', async () => {
    const { base, server } = await setUp();
    const sam = await join(base, 'Sam Reviewer');
    await sam.synced();
    await until(() => textOf(sam, 'summary') === 'Summary text.', 'Sam sees the pack');
    // A comment is fine.
    sam.doc.transact(() => {
      const c = new Y.Map<unknown>();
      recordMap(sam.doc, 'comments').set('c1', c);
      writeFields(c, { id: 'c1', threadId: 't1', author: { name: 'Sam Reviewer', role: '' }, at: '2026-12-02T10:00:00.000Z', text: 'Say which wards.' });
    });
    await sam.allSaved();
    expect(server.room('cabinet.briefing')!.doc.getMap('review.comments').has('c1')).toBe(true);
    // A suggested insertion is fine: the text with suggestions rejected is unchanged.
    sam.section('summary').editor.update(() => {
      const last = $getRoot().getAllTextNodes().at(-1)!;
      last.insertAfter($createSuggestionNode('s-sam', 'insert').append($createTextNode(' for all wards')));
    }, { discrete: true });
    const outcome = await Promise.race([sam.allSaved().then(() => 'saved'), sam.closed.then((c) => `closed ${c.code} ${c.reason}`)]);
    expect(outcome).toBe('saved');
    expect(JSON.stringify(server.room('cabinet.briefing')!.doc.toJSON())).toContain('for all wards');
    // Typing straight into the text is refused and not kept (the other section: the end of
    // this one is now inside Sam's suggestion, where typing extends the suggestion).
    typeAtEnd(sam, 'angle', ' sneaky');
    expect(await sam.closed).toEqual({ code: CLOSE.suggestOnly.code, reason: CLOSE.suggestOnly.reason });
    expect(JSON.stringify(server.room('cabinet.briefing')!.doc.toJSON())).not.toContain('sneaky');

    const alex = await join(base, 'Alex Morgan');
    await alex.synced();
    alex.doc.transact(() => recordMap(alex.doc, 'signOffs').set('s1', new Y.Map()));
    expect(await alex.closed).toEqual({ code: CLOSE.notApprover.code, reason: CLOSE.notApprover.reason });
  });

  it('warns loudly when it would serve the network without TLS', () => {
    expect(plainTextWarning('0.0.0.0')).toMatch(/WITHOUT TLS[\s\S]*unencrypted/);
  });
});
