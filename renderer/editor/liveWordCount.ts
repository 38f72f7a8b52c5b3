import { $getRoot } from 'lexical';
import { countWords } from '../../shared/richtext/wordCount.js';

/**
 * Inside editor.read()/update(): the live word count of the editor's content, with the app's
 * one counter. Lexical's text content puts a blank line between blocks (paragraphs, items,
 * cells), as plainTextOf() breaks them, so this equals wordCountOf() of the same content once
 * saved (checked in tests/unit/wordCount.test.ts). Kept out of shared/: the back end never
 * loads Lexical.
 */
export function $wordCountOfEditor(): number {
  return countWords($getRoot().getTextContent());
}
