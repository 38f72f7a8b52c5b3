import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Pack } from '../pack/schema.js';
import type { SerializedNodeJson } from '../richtext/serialized.js';
import { reviewNeutralChildren } from './reviewNeutral.js';

/**
 * The hash of what a sign-off clears: the report's words and structure, not its review
 * markup and not its bookkeeping. Included: every front-sheet field a reader sees except the
 * status and the version number (approving, or bumping the version, does not change what was
 * cleared), and every section in order with its title, kind, exemption and content (review
 * neutral, see reviewNeutral.ts). Left out: guidance (never exported), word limits, times,
 * and Lexical's editor-only fields (`direction`, `textFormat`, `textStyle`), which change when
 * the caret moves through formatted text without a word changing.
 *
 * SHA-256 (@noble/hashes: synchronous and the same in the renderer and in Node) over a
 * canonical JSON with sorted keys, so the same content always gives the same hash.
 */
export const CONTENT_HASH_PREFIX = 'sha256:';

const EDITOR_ONLY_KEYS = new Set(['direction', 'textFormat', 'textStyle']);

export function contentHashOf(pack: Pick<Pack, 'frontSheet' | 'sections'>): string {
  const { status: _status, version: _version, ...sheet } = pack.frontSheet;
  const sections = pack.sections.map((s) => ({
    id: s.id,
    title: s.title,
    kind: s.kind ?? 'body',
    exempt: s.exempt ?? null,
    gamechangerId: s.gamechangerId ?? null,
    content: reviewNeutralChildren(s.content.root.children),
  }));
  return CONTENT_HASH_PREFIX + bytesToHex(sha256(utf8ToBytes(canonicalJson({ sheet, sections }))));
}

/** JSON with object keys sorted and editor-only node fields dropped. */
export function canonicalJson(value: unknown): string {
  const parts: string[] = [];
  write(value, parts);
  return parts.join('');
}

function write(value: unknown, out: string[]): void {
  if (value === null || typeof value !== 'object') {
    out.push(value === undefined ? 'null' : JSON.stringify(value));
    return;
  }
  if (Array.isArray(value)) {
    out.push('[');
    value.forEach((v, i) => {
      if (i) out.push(',');
      write(v, out);
    });
    out.push(']');
    return;
  }
  const record = value as Record<string, unknown>;
  const isNode = typeof (record as SerializedNodeJson).type === 'string';
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined && !(isNode && EDITOR_ONLY_KEYS.has(k)))
    .sort();
  out.push('{');
  keys.forEach((k, i) => {
    if (i) out.push(',');
    out.push(JSON.stringify(k), ':');
    write(record[k], out);
  });
  out.push('}');
}
