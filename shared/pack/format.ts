/** The pack file family. Bump PACK_FORMAT_VERSION only with a migration in migrations.ts. */
export const PACK_FORMAT = 'briefing-pack' as const;
export const PACK_FORMAT_VERSION = 2;
export const PACK_EXTENSION = '.briefing';
