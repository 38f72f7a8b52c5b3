import * as Y from 'yjs';
import { RECORD_MAPS } from '../../shared/collab/layout.js';
import { CLOSE } from '../../shared/collab/protocol.js';
import { sectionContents } from '../../shared/collab/packDoc.js';
import { textWithoutSuggestions } from '../../shared/collab/suggestOnly.js';
import { touchedRoots } from '../../shared/collab/touchedRoots.js';
import type { Account } from './accounts.js';

/**
 * Whether an account may make an update, decided on the server before the update is applied
 * (the app holds back too, but the server is what counts). Returns the refusal to close the
 * connection with, or null when the update may go in.
 */
const OPEN_TO_ALL = new Set<string>([RECORD_MAPS.threads, RECORD_MAPS.comments, RECORD_MAPS.suggestions]);
const SECTION_PREFIX = 'section:';

export type Refusal = (typeof CLOSE)[keyof typeof CLOSE];

export function checkUpdate(doc: Y.Doc, account: Account, update: Uint8Array): Refusal | null {
  const canEdit = account.permissions.includes('edit');
  const canApprove = account.permissions.includes('approve');
  if (canEdit && canApprove) return null;
  const roots = touchedRoots(doc, update);
  if (roots === null) return CLOSE.damaged;
  const sections: string[] = [];
  for (const root of roots) {
    if (OPEN_TO_ALL.has(root)) continue;
    if (root === RECORD_MAPS.signOffs) {
      if (!canApprove) return CLOSE.notApprover;
      continue;
    }
    if (canEdit) continue;
    if (root.startsWith(SECTION_PREFIX)) sections.push(root.slice(SECTION_PREFIX.length));
    else return CLOSE.suggestOnly;
  }
  if (sections.length === 0) return null;
  // Suggest only: the text with every suggestion rejected must be what it was.
  const after = new Y.Doc();
  try {
    Y.applyUpdate(after, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(after, update);
    const beforeText = sectionContents(doc, sections);
    const afterText = sectionContents(after, sections);
    for (const id of sections) if (textWithoutSuggestions(beforeText.get(id)) !== textWithoutSuggestions(afterText.get(id))) return CLOSE.suggestOnly;
    return null;
  } finally {
    after.destroy();
  }
}
