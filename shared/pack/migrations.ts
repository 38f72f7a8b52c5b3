import { HostError } from '../api/errors.js';

/**
 * The migration chain for pack files. Each step is a pure JSON-to-JSON function taking a
 * file of version N to version N+1; `migrateToCurrent` applies the steps in order.
 * Format 1 is the first released format, so the chain is empty today. When format 2 comes:
 * add `1: (v1) => v2` here, a golden v1 fixture stays in tests/fixtures/packs, and bump
 * PACK_FORMAT_VERSION.
 */
export type JsonObject = Record<string, unknown>;
export type MigrationStep = (input: JsonObject) => JsonObject;
export type MigrationChain = Readonly<Record<number, MigrationStep>>;

export const PACK_MIGRATIONS: MigrationChain = {};

export function migrateToCurrent(
  json: JsonObject,
  fromVersion: number,
  currentVersion: number,
  chain: MigrationChain,
): JsonObject {
  let doc = json;
  for (let version = fromVersion; version < currentVersion; version++) {
    const step = chain[version];
    if (!step) {
      throw new HostError('INVALID_FILE', `format version ${fromVersion} is too old and cannot be upgraded (no step from version ${version}).`);
    }
    // Steps receive a copy so a failing step can never half-change the caller's object.
    doc = { ...step(structuredClone(doc)), formatVersion: version + 1 };
  }
  return doc;
}
