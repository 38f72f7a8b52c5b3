import { createHeadlessEditor } from '@lexical/headless';
import { createYjsBinding, syncLexicalUpdateToYjs, syncYjsChangesToLexical, type Binding, type Provider } from '@lexical/yjs';
import type { LexicalEditor } from 'lexical';
import type * as Y from 'yjs';
import { SECTION_NODES } from '../richtext/nodes.js';
import { sectionRootName } from './layout.js';

/**
 * A headless Lexical editor bound to one section's XmlText root with @lexical/yjs's own
 * binding, wired the way CollaborationPlugin wires it (Lexical updates → Yjs, Yjs events →
 * Lexical). Converting through the binding itself means the server, the tests and the app
 * agree on how every node type sits in Yjs; there is no second mapping to drift.
 */

/** The binding wants a provider only for cursors and presence; a headless editor has none. */
const NO_PROVIDER: Provider = {
  awareness: {
    getLocalState: () => null,
    getStates: () => new Map(),
    on: () => {},
    off: () => {},
    setLocalState: () => {},
    setLocalStateField: () => {},
  },
  connect: () => {},
  disconnect: () => {},
  on: () => {},
  off: () => {},
};

export interface BoundSection {
  editor: LexicalEditor;
  binding: Binding;
  dispose(): void;
}

export function bindSection(doc: Y.Doc, sectionId: string): BoundSection {
  const editor = createHeadlessEditor({
    namespace: 'briefing-collab',
    nodes: [...SECTION_NODES],
    onError: (error) => {
      throw error;
    },
  });
  const docMap = new Map<string, Y.Doc>([[sectionId, doc]]);
  const binding = createYjsBinding({ editor, id: sectionId, doc, docMap, rootName: sectionRootName(sectionId) });
  const shared = binding.root.getSharedType();
  const onYjs = (events: Parameters<Parameters<typeof shared.observeDeep>[0]>[0], transaction: Y.Transaction) => {
    if (transaction.origin !== binding) syncYjsChangesToLexical(binding, NO_PROVIDER, events as never, false, () => {});
  };
  shared.observeDeep(onYjs);
  const removeListener = editor.registerUpdateListener(({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) => {
    syncLexicalUpdateToYjs(binding, NO_PROVIDER, prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags);
  });
  return {
    editor,
    binding,
    dispose() {
      shared.unobserveDeep(onYjs);
      removeListener();
    },
  };
}

/** Commit whatever the binding queued (Lexical batches updates; a discrete update flushes them). */
export function flushEditor(editor: LexicalEditor): void {
  editor.update(() => {}, { discrete: true });
}
