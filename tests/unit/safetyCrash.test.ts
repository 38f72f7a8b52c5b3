import { describe, expect, it } from 'vitest';
import { runCrashTest } from '../crash/harness.js';
import { runFuzz } from '../fuzz/harness.js';

// Shorter runs of `npm run test:crash` and `npm run test:fuzz`, for `npm test`.
describe('crash safety (short run of tests/crash)', () => {
  it('a child killed with SIGKILL while saving never leaves a corrupt or older file', async () => {
    // A kill window of 5-150 ms after the child is ready: a fresh process's first 512 KB save
    // takes ~90 ms (cold code), so runs are killed before, during and after saves, and each
    // run (a new Node process, ~0.3 s) still confirms a save often enough to finish in time on
    // a loaded machine. `npm run test:crash` does 1,000 saves.
    const report = await runCrashTest({ saves: 30, sizeKb: 512, minKillMs: 5, maxKillMs: 150 });
    expect(report.kills).toBeGreaterThanOrEqual(3);
    expect(report.saves).toBeGreaterThanOrEqual(30);
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
