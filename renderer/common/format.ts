/** Dates as UK readers expect them: "2 December 2026", "2 Dec 2026, 14:05". */

// One formatter each, made on first use: toLocale…String(locale, options) builds a new
// Intl.DateTimeFormat on every call, and the first few cost ~5-25 ms each on a cold page
// (the save status renders one while a pack is opening). Same output as those calls.
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

export function formatTime(iso: string): string {
  const date = new Date(iso);
  // toLocaleTimeString gave "Invalid Date" for a bad date; format() would throw.
  return Number.isNaN(date.getTime()) ? 'Invalid Date' : formatter('time', { hour: '2-digit', minute: '2-digit' }).format(date);
}
