import type { SerializedNodeJson } from '../../shared/richtext/serialized.js';
import { plainTextOf } from '../../shared/richtext/plainText.js';

/** Below this a column is too narrow for a word of a few letters at 12 pt (0.5 inch). */
const MIN_COLUMN = 720;
/** Text past this many characters wraps anyway: a very long cell does not take the whole width. */
const WRAP_AT = 48;

/**
 * Column widths (twips, summing to `total`) that fit the content, as Word's "AutoFit to
 * contents" then "fit to window" would: each column's share follows its longest cell (up to a
 * paragraph's worth, which wraps anyway) and never drops below its longest word, so a column
 * of long labels is wider than a column of figures. `cells[row][column]` is null where a merged
 * cell covers the place.
 */
export function contentColumnWidths(cells: Array<Array<SerializedNodeJson | null>>, columns: number, total: number): number[] {
  const wanted = Array.from({ length: columns }, (_, c) => {
    let longest = 1;
    let longestWord = 1;
    for (const row of cells) {
      const cell = row[c];
      if (!cell) continue;
      const text = plainTextOf({ root: { type: 'root', children: cell.children ?? [] } } as never);
      for (const line of text.split('\n')) longest = Math.max(longest, Math.min(WRAP_AT, line.trim().length));
      for (const word of text.split(/\s+/)) longestWord = Math.max(longestWord, Math.min(WRAP_AT, word.length));
    }
    // A little room for the cell's margins on top of the text.
    return Math.max(longest, longestWord) + 2;
  });
  const sum = wanted.reduce((a, b) => a + b, 0);
  let widths = wanted.map((w) => Math.max(MIN_COLUMN, Math.floor((w / sum) * total)));
  // The minimum can push the sum past the text width: take the excess from the wide columns.
  let excess = widths.reduce((a, b) => a + b, 0) - total;
  while (excess > 0) {
    const widest = widths.indexOf(Math.max(...widths));
    const take = Math.min(excess, widths[widest]! - MIN_COLUMN);
    if (take <= 0) {
      // More columns than fit at the minimum: equal shares.
      widths = widths.map(() => Math.floor(total / columns));
      break;
    }
    widths[widest]! -= take;
    excess -= take;
  }
  return widths;
}

/** The editor's widths when someone set them (not all alike); otherwise none. */
export function chosenColumnWidths(colWidths: unknown, columns: number): number[] | null {
  if (!Array.isArray(colWidths) || colWidths.length !== columns) return null;
  if (!colWidths.every((w) => typeof w === 'number' && Number.isFinite(w) && w > 0 && w < 1e9)) return null;
  return colWidths.every((w) => w === colWidths[0]) ? null : (colWidths as number[]);
}
