import { describe, expect, it } from 'vitest';
import { isoToUk, ukToIso } from '../../shared/dates/ukDate.js';

describe('dates as a UK user types them (issue 13, point 9)', () => {
  it('shows ISO dates as dd/mm/yyyy and leaves anything else alone', () => {
    expect(isoToUk('2021-11-18')).toBe('18/11/2021');
    expect(isoToUk('2026-03-08')).toBe('08/03/2026');
    expect(isoToUk('')).toBe('');
    expect(isoToUk('soon')).toBe('soon');
  });

  it.each([
    ['18/11/2021', '2021-11-18'],
    ['8/3/2026', '2026-03-08'],
    ['08/03/26', '2026-03-08'],
    ['18.11.2021', '2021-11-18'],
    ['18-11-2021', '2021-11-18'],
    [' 18/11/2021 ', '2021-11-18'],
    ['2021-11-18', '2021-11-18'],
    ['29/02/2024', '2024-02-29'],
    ['', ''],
    ['   ', ''],
  ])('reads %j as %j (day first, never month first)', (typed, iso) => {
    expect(ukToIso(typed)).toBe(iso);
  });

  it.each(['31/02/2026', '29/02/2025', '18/13/2021', '00/11/2021', '11/18/2021', 'tomorrow', '18/11', '18/11/202', '1/1/1800'])('refuses %j as not a real day', (typed) => {
    expect(ukToIso(typed)).toBeNull();
  });

  it('round-trips every day of a leap year', () => {
    const day = new Date(Date.UTC(2028, 0, 1));
    for (let i = 0; i < 366; i++) {
      const iso = day.toISOString().slice(0, 10);
      expect(ukToIso(isoToUk(iso))).toBe(iso);
      day.setUTCDate(day.getUTCDate() + 1);
    }
  });
});
