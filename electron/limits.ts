/**
 * Limits on what either transport accepts, so a hostile or broken renderer cannot exhaust
 * memory or the stack of the back end. Generous for real packs (a large pack is a few MB and
 * Lexical nests a few dozen levels at most), tight enough to stop abuse.
 */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;
export const MAX_JSON_DEPTH = 256;

/**
 * Does this JSON text nest arrays/objects deeper than `max`? A linear scan that skips string
 * contents, run BEFORE JSON.parse so a body like `[[[[…` a million deep is refused cheaply
 * instead of being parsed (and then recursed over by the schema validator).
 */
export function jsonTextDepthExceeds(text: string, max: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > max) return true;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return false;
}

/**
 * The same limit for a value that arrived already deserialised (Electron IPC uses structured
 * clone, not JSON). Iterative, so checking a hostile value cannot itself overflow the stack.
 */
export function valueDepthExceeds(value: unknown, max: number = MAX_JSON_DEPTH): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  const seen = new Set<object>();
  while (stack.length) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth > max) return true;
    if (seen.has(current)) return true; // cycles are never valid host arguments
    seen.add(current);
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}
