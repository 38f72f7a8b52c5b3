import { defineConfig } from 'vitest/config';

// Unit tests: pure modules and back-end services on real temp folders (no Electron, no DOM).
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // Builds dist/ when it is stale: the desktop shell's boot tests run the built bundles.
    globalSetup: ['tests/unit/globalSetup.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // One retry in CI (shared, noisy machines); a test that needed it is still shown as retried.
    retry: process.env.CI ? 1 : 0,
  },
});
