import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { readBuilderConfig } from '../support/builderConfig.js';

const require = createRequire(import.meta.url);

/**
 * electron-builder.yml against electron-builder's own configuration schema (scheme.json, shipped
 * in app-builder-lib) with the validator electron-builder itself depends on (ajv), plus the
 * installer requirements of issue 7 that the schema cannot express.
 */
function builderSchemaValidator() {
  const appBuilderLib = path.dirname(require.resolve('app-builder-lib/package.json'));
  const schema = JSON.parse(readFileSync(path.join(appBuilderLib, 'scheme.json'), 'utf8')) as object;
  // ajv as app-builder-lib resolves it (the same copy electron-builder validates with).
  const Ajv = require(require.resolve('ajv', { paths: [appBuilderLib] })) as { default: new (o: object) => { compile(s: object): ((d: unknown) => boolean) & { errors?: unknown[] } } };
  return new Ajv.default({ allErrors: true, strict: false }).compile(schema);
}

const validate = builderSchemaValidator();
const config = readBuilderConfig();
const testConfig = readBuilderConfig('electron-builder.test.yml');

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('ascii'), file).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electron-builder configuration', () => {
  it('electron-builder.yml matches electron-builder’s schema', () => {
    const ok = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the Playwright test build config matches the schema too', () => {
    expect(validate(testConfig), JSON.stringify(validate.errors)).toBe(true);
  });

  it('electron-builder’s own loader and validator accept both files (with `extends` resolved)', async () => {
    // app-builder-lib's config module: what `electron-builder --config …` runs before building.
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      getConfig(projectDir: string, configPath: string, configFromOptions: null): Promise<Record<string, unknown>>;
      validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
    };
    const logger = { isEnabled: false, add: () => undefined };
    for (const file of ['electron-builder.yml', 'electron-builder.test.yml']) {
      const loaded = await getConfig(process.cwd(), file, null);
      await expect(validateConfiguration(loaded, logger)).resolves.toBeUndefined();
      // the test build inherits the installers and associations of the release build
      expect(loaded.nsis).toEqual(config.nsis);
      expect(loaded.fileAssociations).toEqual(config.fileAssociations);
    }
    await expect(validateConfiguration({ ...config, nsis: { perMachin: true } }, logger)).rejects.toThrow(/nsis/);
  });

  it('the validator really rejects a broken configuration', () => {
    expect(validate({ ...config, nsis: { perMachin: false } })).toBe(false);
    expect(validate({ ...config, electronFuses: { runAsNode: 'no' } })).toBe(false);
    expect(validate({ ...config, unknownTopLevel: true })).toBe(false);
  });

  it('names the app and its id', () => {
    expect(config.appId).toMatch(/^[a-z0-9]+(\.[a-z0-9-]+)+$/);
    expect(config.productName).toBe('Briefing Studio');
  });

  it('builds a per-user NSIS installer with a choosable folder for Windows', () => {
    const targets = (config.win as { target: Array<{ target: string }> }).target.map((t) => t.target);
    expect(targets).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: false, allowToChangeInstallationDirectory: true });
  });

  it('builds a dmg for macOS and AppImage + deb for Linux', () => {
    expect((config.mac as { target: Array<{ target: string }> }).target.map((t) => t.target)).toEqual(['dmg']);
    expect((config.linux as { target: string[] }).target).toEqual(['AppImage', 'deb']);
  });

  it('associates .briefing and .briefing-template files with the app', () => {
    const associations = config.fileAssociations as Array<{ ext: string; name: string; mimeType: string }>;
    expect(associations.map((a) => a.ext).sort()).toEqual(['briefing', 'briefing-template']);
    for (const a of associations) expect(a.name && a.mimeType).toBeTruthy();
  });

  it('ships the built app only (no sources, no source maps, no node_modules)', async () => {
    expect(config.files).toEqual(['dist/electron/**/*', 'dist/renderer/**/*', 'package.json', '!**/*.map', '!node_modules/**/*']);
    // …which works because the bundles load nothing but electron and Node's built-ins: bundle
    // main and preload the way electron/tooling/build.mjs does (in memory) and look.
    const { build } = require('esbuild') as typeof import('esbuild');
    const result = await build({
      entryPoints: ['electron/shell/main.ts', 'electron/shell/preload.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['electron'],
      write: false,
      outdir: 'out',
      logLevel: 'silent',
    });
    expect(result.outputFiles).toHaveLength(2);
    for (const output of result.outputFiles) {
      const required = new Set([...output.text.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]));
      expect(required.has('electron'), output.path).toBe(true);
      // A sandboxed preload may not load Node modules at all; main may load Node's built-ins.
      // (fflate, used by the exporter, asks for "module" without the node: prefix.)
      const allowed = (name: string) => name === 'electron' || (!output.path.includes('preload') && (name.startsWith('node:') || builtinModules.includes(name)));
      for (const name of required) expect(allowed(name!), `${path.basename(output.path)} requires ${name}`).toBe(true);
    }
  });

  it('has icons at the sizes the installers need', () => {
    expect(pngSize((config.win as { icon: string }).icon).width).toBeGreaterThanOrEqual(256);
    expect(pngSize((config.mac as { icon: string }).icon)).toEqual({ width: 1024, height: 1024 });
    const linuxDir = (config.linux as { icon: string }).icon;
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(pngSize(path.join(linuxDir, `${size}x${size}.png`))).toEqual({ width: size, height: size });
    }
    expect(readFileSync('resources/icons/icon.svg', 'utf8')).toMatch(/^<svg[^>]+viewBox="0 0 1024 1024"/);
  });

  it('the test build differs from the release build only where Playwright needs it', () => {
    expect(testConfig.extends).toBe('./electron-builder.yml');
    const release = config.electronFuses as Record<string, boolean>;
    const test = testConfig.electronFuses as Record<string, boolean>;
    const differing = Object.keys({ ...release, ...test }).filter((k) => release[k] !== test[k]);
    expect(differing).toEqual(['enableNodeCliInspectArguments']);
    expect(test.enableNodeCliInspectArguments).toBe(true);
    expect((testConfig.directories as { output: string }).output).not.toBe((config.directories as { output: string }).output);
  });
});
