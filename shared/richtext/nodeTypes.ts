/**
 * The serialized node types the section editor can produce (Lexical `type` names). The
 * editor registers the matching Lexical classes (shared/richtext/nodes.ts); the exporter
 * and word counter walk the JSON and treat any other type as unknown (degrade to text).
 */
export const KNOWN_NODE_TYPES = [
  'root',
  'paragraph',
  'text',
  'linebreak',
  'tab',
  'heading',
  'quote',
  'list',
  'listitem',
  'link',
  'autolink',
  'table',
  'tablerow',
  'tablecell',
  'image',
  'mark',
  'suggestion',
] as const;

export type KnownNodeType = (typeof KNOWN_NODE_TYPES)[number];

/** The JSON of our own image node (Lexical has none): the picture is embedded in the pack. */
export interface SerializedImageNodeJson {
  type: 'image';
  version: 1;
  /** data:image/png;base64,… or data:image/jpeg;base64,… — never a remote URL. */
  src: string;
  altText: string;
  /** Display size in CSS pixels; null keeps the picture's natural size. */
  width: number | null;
  height: number | null;
}

/** Largest picture a pack may embed (bytes of the decoded file). */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
