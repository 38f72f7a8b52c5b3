import type { SerializedEditorStateJson } from './serialized.js';

/** Editor states built in code (new sections, starter content, generated packs). No zod here. */

export function emptyEditorState(): SerializedEditorStateJson {
  return {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [
        { type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [] },
      ],
    },
  };
}

/** A paragraph-per-line editor state, for starter content and generated packs. */
export function editorStateFromParagraphs(paragraphs: string[]): SerializedEditorStateJson {
  const state = emptyEditorState();
  state.root.children = paragraphs.map((text) => ({
    type: 'paragraph',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
    children: text ? [{ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 }] : [],
  }));
  return state;
}
