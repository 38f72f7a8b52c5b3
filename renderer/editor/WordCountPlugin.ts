import { useEffect, useRef } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $wordCountOfEditor } from './liveWordCount.js';
import { isEdit, isSectionComplete } from './sectionLoad.js';

/** How long after the last change the word count is refreshed. */
const COUNT_DELAY_MS = 250;

/**
 * Live word count of the section, refreshed shortly after typing pauses rather than on each
 * keystroke (counting a long section costs a few milliseconds). Counts with the app's one
 * counter (shared/richtext/wordCount.ts), so header, outline, total and export agree.
 */
export function WordCountPlugin(props: { onCount: (words: number) => void }) {
  const [editor] = useLexicalComposerContext();
  const onCount = useRef(props.onCount);
  onCount.current = props.onCount;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const count = () => {
      // Never the count of a section still arriving in slices: that would be too low.
      if (isSectionComplete(editor)) onCount.current(editor.getEditorState().read($wordCountOfEditor));
    };
    // Only after edits. Not at mount, nor while the section arrives or plugins normalise it:
    // the pack screen already counted the saved content, which is the same text.
    // Not registerTextContentListener: that computes the whole text on every update.
    const unregister = editor.registerUpdateListener((update) => {
      if (!isEdit(update)) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        count();
      }, COUNT_DELAY_MS);
    });
    return () => {
      unregister();
      // Leaving the section (switching, closing) within the delay: count now, or the outline
      // would keep the count from before the last words typed.
      if (timer !== undefined) {
        clearTimeout(timer);
        count();
      }
    };
  }, [editor]);
  return null;
}
