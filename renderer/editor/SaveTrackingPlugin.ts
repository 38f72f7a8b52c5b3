import { useEffect, useRef } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { BLUR_COMMAND, COMMAND_PRIORITY_LOW } from 'lexical';
import type { SerializedEditorStateJson } from '../../shared/richtext/serialized.js';
import { finishSectionLoad, isEdit, isSectionComplete } from './sectionLoad.js';

/**
 * Keeps the pack in step with the editor without serialising on every keystroke: a content
 * change only marks the section dirty (cheap); the editor state is turned into JSON when the
 * pack is about to be saved (autosave, Ctrl+S, leaving), when the editor loses focus and
 * when it is unmounted (switching section).
 */
export function SaveTrackingPlugin(props: {
  registerFlush: (flush: () => void) => () => void;
  onDirty: () => void;
  onCommit: (content: SerializedEditorStateJson) => void;
}) {
  const [editor] = useLexicalComposerContext();
  const dirty = useRef(false);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const flush = () => {
      if (!dirty.current) return;
      // Never hand over a section that is still arriving in slices (or failed to): its
      // unloaded blocks would be saved as deleted.
      finishSectionLoad(editor);
      if (!isSectionComplete(editor)) return;
      dirty.current = false;
      latest.current.onCommit(editor.getEditorState().toJSON() as unknown as SerializedEditorStateJson);
    };
    const unregisterFlush = latest.current.registerFlush(flush);
    const unregisterUpdate = editor.registerUpdateListener((update) => {
      // Selection moves, the section being loaded and plugins' normalisation change nothing
      // worth saving (see isEdit).
      if (!isEdit(update)) return;
      if (!dirty.current) dirty.current = true;
      latest.current.onDirty();
    });
    const unregisterBlur = editor.registerCommand(
      BLUR_COMMAND,
      () => {
        flush();
        return false;
      },
      COMMAND_PRIORITY_LOW,
    );
    return () => {
      unregisterBlur();
      unregisterUpdate();
      unregisterFlush();
      flush();
    };
  }, [editor]);
  return null;
}
