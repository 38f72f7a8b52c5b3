/**
 * Reading the values councils write on a report's front sheet: dates in the ways British
 * reports write them, yes/no answers, ward lists, contact details, Schedule 12A paragraphs
 * and forward-plan references. Pure functions of text.
 */
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthNumber(name: string): number {
  const lower = name.toLowerCase().replace(/\.$/, '');
  const index = MONTHS.findIndex((m) => m === lower || (lower.length >= 3 && m.startsWith(lower)));
  return index + 1;
}

/** A date in the text (first one): "3 December 2026", "Thursday 3rd Dec 2026", "03/12/2026" (day first), "2026-12-03", "December 3, 2026". */
export function findDate(text: string): { iso: string; match: string } | null {
  const patterns: Array<[RegExp, (m: RegExpExecArray) => string | null]> = [
    [/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/, (m) => isoDate(+m[1]!, +m[2]!, +m[3]!)],
    [/\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+([A-Za-z]{3,9}\.?)\s*,?\s+(\d{4})\b/, (m) => (monthNumber(m[2]!) ? isoDate(+m[3]!, monthNumber(m[2]!), +m[1]!) : null)],
    [/\b([A-Za-z]{3,9}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/, (m) => (monthNumber(m[1]!) ? isoDate(+m[3]!, monthNumber(m[1]!), +m[2]!) : null)],
    [/\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b/, (m) => isoDate(m[3]!.length === 2 ? 2000 + +m[3]! : +m[3]!, +m[2]!, +m[1]!)],
  ];
  for (const [pattern, toIso] of patterns) {
    const m = pattern.exec(text);
    if (m) {
      const iso = toIso(m);
      if (iso) return { iso, match: m[0] };
    }
  }
  return null;
}

/** Yes / No at the start of an answer; null when it says neither. */
export function yesNo(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (/^(yes|y|true)\b/.test(t)) return true;
  if (/^(no|n|false|not|none|n\/a)\b/.test(t)) return false;
  return null;
}

/** "paragraph 3", "para. 3", "paragraphs 1 and 2" (the first), "Schedule 12A (3)". */
export function schedule12aParagraph(text: string): 1 | 2 | 3 | 4 | 5 | 6 | 7 | null {
  const m = /\bpara(?:graph)?s?\.?\s*([1-7])\b/i.exec(text) ?? /\b12A\s*\(?\s*(?:para\.?\s*)?([1-7])\)?/i.exec(text);
  return m ? (Number(m[1]) as 1 | 2 | 3 | 4 | 5 | 6 | 7) : null;
}

/** "FP/2026/042", "Forward Plan reference FP/42", "Ref: KD123". */
export function forwardPlanRef(text: string): string | null {
  const labelled = /forward\s+plan(?:\s+(?:reference|ref\.?|no\.?|number))?\s*[:\-–]?\s*([A-Za-z0-9][A-Za-z0-9/\-._]*\d[A-Za-z0-9/\-._]*)/i.exec(text);
  if (labelled) return labelled[1]!.replace(/[.)]+$/, '');
  const token = /\b([A-Za-z]{1,5}[/\-]?\d[A-Za-z0-9/\-._]*)\b/.exec(text);
  return token ? token[1]!.replace(/[.)]+$/, '') : null;
}

export function wardList(text: string): string[] {
  const t = text.trim();
  if (/^all(\s+wards)?\.?$/i.test(t) || /^(borough|district|city)[- ]wide$/i.test(t)) return ['All'];
  return t
    // Not on "and" / "&": ward names have them (Netherton & Orrell).
    .split(/\s*[,;\n]\s*/)
    .map((w) => w.trim().replace(/\.$/, ''))
    .filter((w) => w && w.length <= 100)
    .slice(0, 100);
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/;
const PHONE_LABELLED = /(?:tel(?:ephone)?|phone|mobile|t)\s*(?:no\.?|number)?\s*[:.]?\s*(\+?[\d(][\d\s()-]{5,}\d)/i;
const PHONE_BARE = /(\+?\(?\d[\d\s()-]{7,}\d)/;

/** Name, phone and email from a contact line or cell ("Alex Officer, Tel: 0151 934 0000, Email: alex@…"). */
export function contactDetails(text: string): { name: string; phone: string; email: string } {
  const email = EMAIL.exec(text)?.[0] ?? '';
  const withoutEmail = email ? text.replace(email, ' ') : text;
  const phone = (PHONE_LABELLED.exec(withoutEmail)?.[1] ?? PHONE_BARE.exec(withoutEmail)?.[1] ?? '').replace(/\s+/g, ' ').trim();
  const first = text
    .split(/[,;\n(]|\b(?:tel(?:ephone)?|phone|mobile|e-?mail)\b/i)[0]!
    .replace(/^(name|contact)\s*[:\-]\s*/i, '')
    .trim();
  const name = first && !EMAIL.test(first) && !/^\+?[\d\s()-]+$/.test(first) ? first : '';
  return { name, phone: phone.slice(0, 60), email: email.slice(0, 254) };
}

/** The protective marking in a text (headers, a "Classification" answer), most restrictive first. */
export function classificationIn(text: string): 'OFFICIAL' | 'OFFICIAL-SENSITIVE' | null {
  if (/\bOFFICIAL\s*[-–‐]?\s*SENSITIVE\b/i.test(text)) return 'OFFICIAL-SENSITIVE';
  if (/\bOFFICIAL\b/i.test(text)) return 'OFFICIAL';
  return null;
}

/** Text of an answer with "Not set" placeholders (our own export's) treated as empty. */
export function answer(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return /^(not set|n\/a|tbc|to be confirmed|-|–)$/i.test(t) ? '' : t;
}
