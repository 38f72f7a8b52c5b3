import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** electron-builder.yml (or another config file) parsed with the YAML reader electron-builder itself uses. */
export function readBuilderConfig(file = 'electron-builder.yml'): Record<string, unknown> {
  const yaml = require('js-yaml') as { load(text: string): unknown };
  return yaml.load(readFileSync(file, 'utf8')) as Record<string, unknown>;
}
