import type { MigrationChain } from '../pack/migrations.js';

/**
 * The migration chain for template files, in the same style as packs: one pure JSON-to-JSON
 * step per version (`1: (v1) => v2`), applied by migrateToCurrent in shared/pack/migrations.ts.
 * Format 1 is the first released template format, so the chain is empty today.
 */
export const TEMPLATE_MIGRATIONS: MigrationChain = {};
