/** Dates and numbers as UK readers expect them: "2 December 2026", "2 Dec 2026, 14:05", "11,374". */

// One formatter each, made on first use: toLocale…String(locale, options) builds a new
// Intl formatter on every call, and the first few cost ~5-25 ms each on a cold page. Same
// output as those calls. What the pack screen shows while a pack opens (the save time, word
// counts) is written out by hand instead, so opening a pack makes no Intl formatter at all.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let found = formatters.get(key);
  if (!found) formatters.set(key, (found = new Intl.DateTimeFormat('en-GB', options)));
  return found;
}

export function formatMeetingDate(isoDate: string): string {
  if (!isoDate) return '—';
  const date = new Date(`${isoDate}T00:00:00`);
  return Number.isNaN(date.getTime()) ? isoDate : formatter('date', { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatter('date-time', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(date);
}

/**
 * "14:05", as en-GB writes a time (24-hour, two digits each). Written out rather than with
 * Intl: the save status shows it while a pack opens, and the first Intl.DateTimeFormat of a
 * page costs more than the rest of that render (a unit test checks it matches Intl's output).
 */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  // toLocaleTimeString gave "Invalid Date" for a bad date.
  if (Number.isNaN(date.getTime())) return 'Invalid Date';
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** A count with thousands separators, "11,374", as toLocaleString('en-GB') writes it. */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-GB');
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 0 ? `-${digits}` : digits;
}
