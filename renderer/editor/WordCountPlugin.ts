import { useEffect, useRef } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot } from 'lexical';
import { countWords } from '../../shared/richtext/plainText.js';
import { isEdit, isSectionComplete } from './sectionLoad.js';

/** How long after the last change the word count is refreshed. */
const COUNT_DELAY_MS = 250;

/**
 * Live word count of the section, refreshed shortly after typing pauses rather than on each
 * keystroke (counting a long section costs a few milliseconds). Counts with the same
 * countWords() the exporter and the library use; Lexical's text content separates blocks
 * with blank lines just as plainTextOf() does, so the totals agree (checked in a unit test).
 */
export function WordCountPlugin(props: { onCount: (words: number) => void }) {
  const [editor] = useLexicalComposerContext();
  const onCount = useRef(props.onCount);
  onCount.current = props.onCount;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const count = () => {
      // Never the count of a section still arriving in slices: that would be too low.
      if (isSectionComplete(editor)) onCount.current(editor.getEditorState().read(() => countWords($getRoot().getTextContent())));
    };
    // Only after edits. Not at mount, nor while the section arrives or plugins normalise it:
    // the pack screen already counted the saved content, which is the same text.
    // Not registerTextContentListener: that computes the whole text on every update.
    const unregister = editor.registerUpdateListener((update) => {
      if (!isEdit(update)) return;
      clearTimeout(timer);
      timer = setTimeout(count, COUNT_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      unregister();
    };
  }, [editor]);
  return null;
}
