/**
 * Dates as a UK user types and reads them, dd/mm/yyyy, whatever the browser's or the system's
 * locale (a laptop set to US English would otherwise show a date field as mm/dd/yyyy). Stored
 * as ISO yyyy-mm-dd, as the pack format has always kept them.
 */

/** "2021-11-18" → "18/11/2021"; anything else is returned as it is. */
export function isoToUk(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/**
 * What the user typed, as an ISO date: "18/11/2021", "18/11/21", "18.11.2021", "18-11-2021",
 * "8/3/2026" and "2021-11-18" are understood; '' for an empty field; null for anything that is
 * not a real day (31/02/2026, 18/13/2021, words).
 */
export function ukToIso(text: string): string | null {
  const t = text.trim();
  if (!t) return '';
  let day: number, month: number, year: number;
  const uk = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{2}|\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (uk) {
    [day, month, year] = [Number(uk[1]), Number(uk[2]), Number(uk[3])];
    if (uk[3]!.length === 2) year += 2000;
  } else return null;
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
