/**
 * Finding a Word anchor again in the pack's text: the text it covers with the characters
 * before and after it (in the original view, see electron/docx/anchors.ts). The widest
 * context that occurs exactly once wins; narrower contexts are tried when the report was
 * edited around the place, or the Word file has text the pack lacks (the front sheet, the
 * contents). A bare text is accepted only when it occurs once. null: not found, or not
 * certainly one place.
 */
const CONTEXT_STEPS = [40, 24, 12, 6, 0];

function occurrences(haystack: string, needle: string, limit = 2): number[] {
  const found: number[] = [];
  if (!needle) return found;
  for (let i = haystack.indexOf(needle); i >= 0 && found.length < limit; i = haystack.indexOf(needle, i + 1)) found.push(i);
  return found;
}

export interface Located {
  start: number;
  end: number;
}

/** Context sizes (before, after), widest first. */
const PAIRS = CONTEXT_STEPS.flatMap((b) => CONTEXT_STEPS.map((a) => [b, a] as const)).sort((x, y) => y[0] + y[1] - (x[0] + x[1]) || y[0] - x[0]);

export function locate(haystack: string, target: string, before: string, after: string): Located | null {
  for (const [b, a] of PAIRS) {
    const pre = before.slice(Math.max(0, before.length - b));
    const post = after.slice(0, a);
    // An insertion (empty target) is only placed with enough context around it.
    if (!target && pre.length + post.length < 8) continue;
    const hits = occurrences(haystack, pre + target + post);
    if (hits.length === 1) {
      const start = hits[0]! + pre.length;
      return { start, end: start + target.length };
    }
  }
  return null;
}
