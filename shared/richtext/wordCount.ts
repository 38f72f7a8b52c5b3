import type { SerializedEditorStateJson } from './serialized.js';
import { plainTextOf } from './plainText.js';

/**
 * The one word counter of the app: the section header, the outline, the pack total, the
 * version history, the export and the accessibility check all count with it, so they can
 * never disagree.
 *
 * Word's status-bar rule: a word is a run of characters between white space. "10,000",
 * "£1.5m", "(2021–22)", "e.g.", "well-being", "ŵyr" and "👍" are one word each. The one
 * refinement (Word does the same): a run made only of punctuation, such as a dash or a
 * bullet standing between spaces ("costs – and risks"), is not a word.
 *
 * Blocks (paragraphs, headings, list items, table cells) are separated by line breaks in the
 * text this is given (plainTextOf, Lexical's getTextContent), so a word never runs on from one
 * cell or item into the next. Guidance is not part of a section's content and so never counts.
 */
export function countWords(text: string): number {
  let words = 0;
  // A scan rather than split()/match(): no arrays the size of a long section, and ASCII (almost
  // every character) is classified without a regular expression.
  let inRun = false;
  let runHasWordChar = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let space: boolean;
    let punctuation = false;
    if (code < 128) {
      space = code === 32 || (code >= 9 && code <= 13);
      punctuation = !space && ASCII_PUNCTUATION[code] === 1;
    } else {
      const char = text[i]!;
      space = WHITE_SPACE.test(char);
      // Surrogate halves (emoji, rare letters) are never punctuation: they count.
      punctuation = !space && PUNCTUATION.test(char);
    }
    if (space) {
      if (runHasWordChar) words++;
      inRun = false;
      runHasWordChar = false;
    } else {
      inRun = true;
      if (!punctuation) runHasWordChar = true;
    }
  }
  if (inRun && runHasWordChar) words++;
  return words;
}

/** Word count of a saved section (its serialized Lexical state). */
export function wordCountOf(state: SerializedEditorStateJson): number {
  return countWords(plainTextOf(state));
}

/** Spaces, tabs, line breaks and the Unicode spaces (no-break, thin, em…), as Word splits on. */
const WHITE_SPACE = /^\s$/u;
/** Punctuation only (dashes, hyphens, full stops, brackets, quotes, bullets), and marks joining emoji. */
const PUNCTUATION = /^[\p{P}\u200D\uFE0F]$/u;
/** 1 for the ASCII characters Unicode calls punctuation (\p{P}): !"#%&'()*,-./:;?@[\]_{} */
const ASCII_PUNCTUATION = new Uint8Array(128);
for (const char of '!"#%&\'()*,-./:;?@[\\]_{}') ASCII_PUNCTUATION[char.charCodeAt(0)] = 1;

