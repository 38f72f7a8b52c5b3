import { HostError } from '../api/errors.js';

/**
 * The migration chain for pack files. Each step is a pure JSON-to-JSON function taking a
 * file of version N to version N+1; `migrateToCurrent` applies the steps in order. Every old
 * version keeps a golden fixture in tests/fixtures/packs (vN-golden.briefing). A file is
 * migrated in memory when read and written in the current format only when it is saved.
 */
export type JsonObject = Record<string, unknown>;
export type MigrationStep = (input: JsonObject) => JsonObject;
export type MigrationChain = Readonly<Record<number, MigrationStep>>;

/**
 * v1 → v2: review data and clearance arrive, empty (a v1 pack had no comments, suggestions or
 * sign-offs, and requires none: its template set none). Sections keep their shape: the new
 * section fields (kind, exempt) are optional and absent means a public body section.
 */
function v1ToV2(v1: JsonObject): JsonObject {
  return {
    ...v1,
    review: { threads: {}, comments: {}, suggestions: {} },
    clearance: { required: [], signOffs: {} },
  };
}

export const PACK_MIGRATIONS: MigrationChain = { 1: v1ToV2 };

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
