import { PACK_EXTENSION } from '../../shared/pack/format.js';

/** Characters Windows, macOS or Linux refuse in file names, and control characters. */
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f]/g;
const RESERVED_WINDOWS = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** A file name (without extension) that is safe on every OS and still readable. */
export function safeBaseName(title: string): string {
  let base = title.replace(FORBIDDEN, ' ').replace(/\s+/g, ' ').trim();
  base = base.replace(/^[.\s]+|[.\s]+$/g, '');
  if (base.length > 80) base = base.slice(0, 80).trim();
  if (!base || RESERVED_WINDOWS.test(base)) base = `Briefing ${base}`.trim();
  return base;
}

/** The first of "Name.briefing", "Name (2).briefing", … not already taken (case-insensitive). */
export function uniqueFileName(title: string, taken: Iterable<string>, extension = PACK_EXTENSION): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  const base = safeBaseName(title);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${base}${extension}` : `${base} (${n})${extension}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
