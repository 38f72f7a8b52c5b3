import { describe, expect, it } from 'vitest';
import { runCrashTest } from '../crash/harness.js';
import { runFuzz } from '../fuzz/harness.js';

// Shorter runs of `npm run test:crash` and `npm run test:fuzz`, for `npm test`.
describe('crash safety (short run of tests/crash)', () => {
  it('a child killed with SIGKILL while saving never leaves a corrupt or older file', async () => {
    // A short kill window, so even a fast machine is killed mid-save several times in 80 saves.
    const report = await runCrashTest({ saves: 80, sizeKb: 512, minKillMs: 5, maxKillMs: 80 });
    expect(report.kills).toBeGreaterThanOrEqual(3);
    expect(report.saves).toBeGreaterThanOrEqual(80);
    expect(report.corrupt).toBe(0);
    expect(report.lost).toBe(0);
    expect(report.corruptBackups).toBe(0);
  }, 120_000);
});

describe('loader fuzzing (short run of tests/fuzz)', () => {
  it('mutated pack and template files: typed errors only, files unchanged', async () => {
    // A fixed seed keeps `npm test` repeatable; `npm run test:fuzz -- --seed N` explores further.
    const report = await runFuzz({ inputs: 400, seed: 424_242 });
    expect({ seed: report.seed, failures: report.failures }).toEqual({ seed: report.seed, failures: [] });
    expect(report.inputs).toBe(400);
    expect(report.crashes).toBe(0);
    expect(report.files_changed).toBe(0);
  }, 120_000);
});
