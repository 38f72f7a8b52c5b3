import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { newPack } from '../../shared/pack/defaults.js';
import { editorStateFromParagraphs } from '../../shared/richtext/editorState.js';
import { serialisePack } from '../../shared/pack/parse.js';
import { Accounts } from '../../electron/teamServer/accounts.js';
import { DATA_FOLDER } from '../../electron/teamServer/teamServer.js';
import type { Permission } from '../../shared/collab/roles.js';
import type { Pack } from '../../shared/pack/schema.js';

/** A workspace for a team server: packs as real files and accounts made through Accounts. */
export const PASSWORD = 'correct horse battery';

export function teamPack(title: string, sections: Array<[string, string]> = [['summary', 'Summary text.'], ['angle', 'Local angle.']], exempt = false): Pack {
  const pack = newPack({ title }, sections.map(([id, text]) => ({ id, title: id, guidance: '', content: editorStateFromParagraphs([text]) })));
  if (exempt) pack.frontSheet.access = { exempt: true, schedule12aParagraph: 3 };
  return pack;
}

export async function writeTeamPack(workspace: string, file: string, pack: Pack): Promise<void> {
  await writeFile(path.join(workspace, file), serialisePack(pack));
}

export async function addUsers(workspace: string, users: Array<[string, Permission[]]>): Promise<void> {
  const accounts = Accounts.inFolder(path.join(workspace, DATA_FOLDER));
  for (const [name, permissions] of users) await accounts.setUser(name, PASSWORD, permissions);
}
