/**
 * How text is cut into search terms. The index (MiniSearch) and the snippet finder use the
 * same two functions, so a highlighted word is always a word the index matched.
 */

/** Runs of letters and digits; apostrophes and hyphens split words ("council's" → council, s). */
const WORD = /[\p{L}\p{N}]+/gu;

export interface TokenAt {
  /** The word as written. */
  text: string;
  start: number;
  end: number;
}

export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Words with their positions, for highlighting. */
export function tokensWithPositions(text: string): TokenAt[] {
  const tokens: TokenAt[] = [];
  for (const match of text.matchAll(WORD)) tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  return tokens;
}

/** Case- and accent-insensitive: "Café" and "cafe" are the same term. */
export function normaliseTerm(term: string): string {
  // Most words are plain ASCII: skip the (slow) Unicode decomposition for them.
  if (ASCII.test(term)) return term.toLowerCase();
  return term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
const ASCII = /^[\x00-\x7f]*$/;
