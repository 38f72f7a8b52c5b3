// Imported first by main.tsx. zod probes whether it may compile validators with
// `new Function` (its "JIT"); under the app's Content Security Policy (no 'unsafe-eval') the
// probe fails quietly but Chromium still reports a CSP violation for it. zod reads its global
// settings from globalThis.__zod_globalConfig (zod/v4/core/core.js), so setting `jitless`
// there, before zod first runs, skips the probe without loading zod at start-up.
const holder = globalThis as typeof globalThis & { __zod_globalConfig?: { jitless?: boolean } };
(holder.__zod_globalConfig ??= {}).jitless = true;

export {};
