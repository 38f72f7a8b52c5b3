import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * The Chromium the end-to-end tests drive: $BRIEFING_CHROMIUM (or $CHROMIUM_PATH), then
 * Debian's /usr/bin/chromium, then Playwright's own download if one exists. Never downloads.
 */
export function findChromium(): string {
  const candidates = [process.env.BRIEFING_CHROMIUM, process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  try {
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // Playwright has no browser of its own here.
  }
  throw new Error(
    'No Chromium found for the end-to-end tests. Install Debian\u2019s browser with `apt-get install -y chromium`, ' +
      'or set BRIEFING_CHROMIUM to the path of a Chromium executable.',
  );
}

/** Flags for a quiet headless Chromium on a closed network, running as root in CI. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
