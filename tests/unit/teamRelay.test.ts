import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { $createTextNode, $getRoot, $isElementNode, type LexicalEditor } from 'lexical';
import { startServer, type RunningServer } from '../../electron/browserHost/serve.js';
import { createServices } from '../../electron/services.js';
import { moveToFolderTrash } from '../../electron/workspace/folderTrash.js';
import { startTeamServer, type TeamServer } from '../../electron/teamServer/teamServer.js';
import { TOKEN_PROTOCOL_PREFIX } from '../../electron/team/teamRelay.js';
import { bindSection, flushEditor } from '../../shared/collab/sectionBinding.js';
import { packSocketPath } from '../../shared/collab/protocol.js';
import { useTempDirs } from '../support/tempDir.js';
import { connect, signIn, until, type TeamClient } from '../support/teamClient.js';
import { PASSWORD, addUsers, teamPack, writeTeamPack } from '../support/teamWorkspace.js';

/**
 * The browser host's WebSocket relay to the team server (issue 18): a page's connection to its
 * own host reaches the pack's live document with the session the back end keeps, edits go both
 * ways, and what is not the page (no host token, another origin) or not signed in is refused.
 */
const temp = useTempDirs();
const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setUp() {
  const workspace = await temp('relay-team');
  await addUsers(workspace, [['Priya Shah', ['edit']], ['Lee Office', ['edit']]]);
  await writeTeamPack(workspace, 'cabinet.briefing', teamPack('Shared cabinet report', [['summary', 'Summary text.']]));
  const team: TeamServer = await startTeamServer({ workspace, host: '127.0.0.1', room: { settleMs: 50, maxLagMs: 200 }, log: () => {} });
  cleanups.push(() => team.close());
  const handlers = createServices({ platform: { host: 'browser', appVersion: 'test', dataDir: await temp('relay-data'), trash: moveToFolderTrash }, workspaceOverride: await temp('relay-ws') });
  const host: RunningServer = await startServer({ handlers, teamSession: handlers.teamRelaySession, rendererDir: await temp('relay-renderer') });
  cleanups.push(() => host.close());
  return { team, handlers, host };
}

/** A page's provider: its own host's address, the host token as a subprotocol, the page's Origin. */
function pageProvider(host: RunningServer, doc: Y.Doc, token = host.token) {
  const origin = host.origin;
  class PageSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { Origin: origin } });
    }
  }
  const provider = new WebsocketProvider(`${origin.replace(/^http/, 'ws')}/team`, packSocketPath('cabinet.briefing'), doc, {
    WebSocketPolyfill: PageSocket as never,
    protocols: [`${TOKEN_PROTOCOL_PREFIX}${token}`],
    disableBc: true,
    maxBackoffTime: 300,
  });
  cleanups.push(() => provider.destroy());
  return provider;
}

/** Type at the end of the section's first paragraph. */
function append(editor: LexicalEditor, text: string): void {
  editor.update(
    () => {
      const first = $getRoot().getFirstChild();
      if ($isElementNode(first)) first.append($createTextNode(text));
    },
    { discrete: true },
  );
  flushEditor(editor);
}

const textOf = (editor: LexicalEditor) => editor.getEditorState().read(() => $getRoot().getTextContent());

describe('the browser host relays the page to the team server', () => {
  it('joins the pack live with the back end’s session; edits go both ways', async () => {
    const { team, handlers, host } = await setUp();
    await handlers.teamSignIn({ address: team.url, name: 'Priya Shah', password: PASSWORD });

    const doc = new Y.Doc();
    const bound = bindSection(doc, 'summary');
    cleanups.push(() => bound.dispose());
    const provider = pageProvider(host, doc);
    await until(() => provider.synced, 'the relayed page synced');
    await until(() => textOf(bound.editor) === 'Summary text.', 'the pack’s text in the page');

    // Lee, connected straight to the team server, and the relayed page see each other's typing.
    const { body } = await signIn(team.url, 'Lee Office', PASSWORD);
    const lee: TeamClient = connect(team.url, 'cabinet.briefing', body.token, { sections: ['summary'] });
    cleanups.push(() => lee.destroy());
    await lee.synced();
    append(lee.section('summary').editor, ' From Lee.');
    await until(() => textOf(bound.editor) === 'Summary text. From Lee.', 'Lee’s words through the relay');
    append(bound.editor, ' From Priya.');
    await until(() => textOf(lee.section('summary').editor) === 'Summary text. From Lee. From Priya.', 'Priya’s words at Lee’s');
  });

  it('refuses a connection without the host token or from another origin, and says sign in when signed out', async () => {
    const { host } = await setUp();
    const url = `${host.origin.replace(/^http/, 'ws')}/team/${packSocketPath('cabinet.briefing')}`;
    const outcome = (ws: WebSocket) =>
      new Promise<string>((resolve) => {
        ws.on('unexpected-response', (_req, res) => resolve(`http ${res.statusCode}`));
        ws.on('close', (code, reason) => resolve(`close ${code} ${reason.toString()}`));
        ws.on('error', () => undefined);
      });
    expect(await outcome(new WebSocket(url, [`${TOKEN_PROTOCOL_PREFIX}wrong`], { headers: { Origin: host.origin } }))).toBe('http 401');
    expect(await outcome(new WebSocket(url, [`${TOKEN_PROTOCOL_PREFIX}${host.token}`], { headers: { Origin: 'http://evil.example' } }))).toBe('http 403');
    expect(await outcome(new WebSocket(url, [`${TOKEN_PROTOCOL_PREFIX}${host.token}`]))).toBe('http 403');
    expect(await outcome(new WebSocket(url, [`${TOKEN_PROTOCOL_PREFIX}${host.token}`], { headers: { Origin: host.origin } }))).toBe('close 4401 Please sign in to the team server.');
  });
});
