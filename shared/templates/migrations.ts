import type { JsonObject, MigrationChain } from '../pack/migrations.js';

/**
 * The migration chain for template files, in the same style as packs: one pure JSON-to-JSON
 * step per version, applied by migrateToCurrent in shared/pack/migrations.ts.
 * (tests/fixtures/templates/valid-ward-briefing.briefing-template is the v1 fixture.)
 */

/** v1 → v2: no sign-offs required (a v1 template could not say); sections keep their shape. */
function v1ToV2(v1: JsonObject): JsonObject {
  return { ...v1, signOffs: [] };
}

export const TEMPLATE_MIGRATIONS: MigrationChain = { 1: v1ToV2 };
