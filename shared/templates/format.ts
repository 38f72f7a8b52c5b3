/**
 * The template file family: `*.briefing-template`, JSON, with the same `format` /
 * `formatVersion` envelope as packs. Bump TEMPLATE_FORMAT_VERSION only with a migration in
 * migrations.ts and a golden fixture of the old version.
 */
export const TEMPLATE_FORMAT = 'briefing-template' as const;
export const TEMPLATE_FORMAT_VERSION = 2;
export const TEMPLATE_EXTENSION = '.briefing-template';

/** Templates hold structure and guidance, not images by the hundred: anything bigger is refused. */
export const MAX_TEMPLATE_BYTES = 10 * 1024 * 1024;

/**
 * Deepest nesting of starter content (Lexical nodes inside nodes). Matches the pack limit,
 * so starter content that passes here can always be copied into a pack.
 */
export const MAX_TEMPLATE_NESTING = 100;

/**
 * Deepest raw JSON nesting accepted before parsing. Each level of content is two levels of
 * JSON (a node object and its children array), plus the few levels of the template itself.
 */
export const MAX_JSON_DEPTH = MAX_TEMPLATE_NESTING * 2 + 12;
