/**
 * Characters XML 1.0 cannot hold, removed from everything that goes into a Word file.
 *
 * The docx library drops the C0 control characters, but not U+FFFE and U+FFFF (which XML
 * forbids too) nor unpaired surrogates, and Word refuses a document holding any of them as
 * "unreadable content". A pack can carry them (pasted text, a hand-edited file), so the pack,
 * the branding and the author's name are cleaned once, before the document is built.
 */

// Everything outside XML's Char production: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// With the u flag an unpaired surrogate is a code point of its own, outside every range.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const HOLDS_NOT_XML_CHAR = new RegExp(NOT_XML_CHAR.source, 'u');

export function xmlSafeText(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

function needsCleaning(text: string): boolean {
  return HOLDS_NOT_XML_CHAR.test(text);
}

/** True when some string inside `value` holds a character XML cannot. Iterative: deep trees are fine. */
function holdsUnsafeText(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const item = stack.pop();
    if (typeof item === 'string') {
      if (needsCleaning(item)) return true;
    } else if (Array.isArray(item)) {
      for (const child of item) stack.push(child);
    } else if (item && typeof item === 'object') {
      for (const key in item) stack.push((item as Record<string, unknown>)[key]);
    }
  }
  return false;
}

/**
 * `value` with every string cleaned by xmlSafeText; the same object when nothing needs it
 * (the usual case, so a clean pack is not copied). Keys are left as they are: no key of a pack
 * reaches the document.
 */
export function xmlSafeDeep<T>(value: T): T {
  if (!holdsUnsafeText(value)) return value;
  const copyOf = (item: unknown): unknown => {
    if (typeof item === 'string') return xmlSafeText(item);
    if (Array.isArray(item)) return item.slice();
    if (item && typeof item === 'object') return { ...(item as Record<string, unknown>) };
    return item;
  };
  const root = copyOf(value);
  const stack: unknown[] = [root];
  while (stack.length) {
    const item = stack.pop() as Record<string, unknown> | unknown[];
    if (!item || typeof item !== 'object') continue;
    const keys = Array.isArray(item) ? item.keys() : Object.keys(item);
    for (const key of keys) {
      const child = (item as Record<string | number, unknown>)[key];
      const copy = copyOf(child);
      (item as Record<string | number, unknown>)[key] = copy;
      if (copy && typeof copy === 'object') stack.push(copy);
    }
  }
  return root as T;
}
