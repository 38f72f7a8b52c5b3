import { useEffect, useRef } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { CLEAR_HISTORY_COMMAND } from 'lexical';
import type { SerializedEditorStateJson } from '../../shared/richtext/serialized.js';

/**
 * Puts the section's saved content into the editor. Mounted after the other plugins, so their
 * node transforms are already registered against an empty editor and the content is laid out
 * in a single pass. The load is not an edit: it is tagged 'section-load' (save tracking
 * ignores it) and the undo history starts after it. A file the editor cannot read throws
 * here and the section shows a plain-English error instead (SectionPane's boundary).
 */
export function LoadContentPlugin(props: { content: SerializedEditorStateJson }) {
  const [editor] = useLexicalComposerContext();
  const content = useRef(props.content);
  useEffect(() => {
    const started = performance.now();
    editor.setEditorState(editor.parseEditorState(content.current as never), { tag: 'section-load' });
    // Read by the editor benchmark to show where the open time goes.
    performance.measure('briefing:section-load', { start: started, end: performance.now() });
    editor.dispatchCommand(CLEAR_HISTORY_COMMAND, undefined);
  }, [editor]);
  return null;
}
