import { describe, expect, it } from 'vitest';
import { formatCount, formatTime } from '../../renderer/common/format.js';

// The pack screen formats times and counts by hand (no Intl formatter while a pack opens):
// they must read exactly as Intl's en-GB output does.
describe('hand-written en-GB formats', () => {
  it('formatTime matches Intl en-GB hour/minute for every minute of a day', () => {
    const intl = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
    for (let minute = 0; minute < 24 * 60; minute++) {
      const date = new Date(2026, 11, 2, Math.floor(minute / 60), minute % 60, 30);
      expect(formatTime(date.toISOString())).toBe(intl.format(date));
    }
    expect(formatTime('not a date')).toBe('Invalid Date');
  });

  it('formatCount matches toLocaleString("en-GB")', () => {
    const samples = [0, 1, 9, 10, 99, 100, 999, 1000, 1001, 9999, 10_000, 11_374, 56_680, 100_000, 999_999, 1_000_000, 123_456_789, -1, -1234, -1_000_000, 2.5, 1234.5678, Number.MAX_SAFE_INTEGER];
    for (let n = 0; n < 5000; n += 7) samples.push(n * 37);
    for (const n of samples) expect(formatCount(n)).toBe(n.toLocaleString('en-GB'));
  });
});
