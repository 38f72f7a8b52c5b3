/**
 * Template versions are dotted numbers ("1", "1.2", "2.0.1") that people type and compare.
 * Missing parts count as zero, so "1.2" equals "1.2.0".
 */
export const TEMPLATE_VERSION_PATTERN = /^\d{1,6}(\.\d{1,6}){0,3}$/;

export function parseVersion(version: string): number[] {
  return version.split('.').map((part) => Number(part));
}

/** Negative when a is older than b, zero when equal, positive when a is newer. */
export function compareVersions(a: string, b: string): number {
  const left = parseVersion(a);
  const right = parseVersion(b);
  const length = Math.max(left.length, right.length);
  for (let i = 0; i < length; i++) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** The next minor version: "1" → "1.1", "1.4" → "1.5", "2.0.3" → "2.1". */
export function nextMinorVersion(version: string): string {
  const [major = 1, minor = 0] = TEMPLATE_VERSION_PATTERN.test(version) ? parseVersion(version) : [1, 0];
  return `${major}.${minor + 1}`;
}
