import { useEffect, useRef } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot } from 'lexical';
import { countWords } from '../../shared/richtext/plainText.js';
import { SECTION_LOAD_TAG } from './sectionLoad.js';

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
    const count = () => onCount.current(editor.getEditorState().read(() => countWords($getRoot().getTextContent())));
    // No count at mount: the pack screen already counted the saved content, which is the
    // same text; counting again would only delay the section becoming editable.
    // Not registerTextContentListener: that computes the whole text on every update.
    // Nor while a long section arrives in slices: that is the saved text again.
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags }) => {
      if ((dirtyElements.size === 0 && dirtyLeaves.size === 0) || tags.has(SECTION_LOAD_TAG)) return;
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
