import { MAX_IMAGE_BYTES } from './nodeTypes.js';
import type { SerializedNodeJson } from './serialized.js';

/**
 * Which pictures a pack or a template may hold: embedded PNG or JPEG only (data: URLs in
 * base64), at most MAX_IMAGE_BYTES, and the bytes must really be a PNG or a JPEG (the file
 * signature is checked, not only the declared type). A remote address would be fetched when
 * the pack is opened (a tracking pixel, a leak of who reads it); SVG can carry script; other
 * formats cannot be exported to Word. Anything else is replaced by a visible placeholder
 * that says what was removed and why, so the author knows, and nothing is fetched or run.
 */

export type PictureCheck = { ok: true; src: string; kind: 'png' | 'jpeg' } | { ok: false; reason: string };

const DATA_URL = /^data:image\/([a-z0-9.+-]+)(;[^,]*)?,/i;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Longest source worth looking at: the base64 of the largest picture, plus its prefix. */
const MAX_SOURCE_CHARS = Math.ceil(MAX_IMAGE_BYTES / 3) * 4 + 64;

function firstBytes(base64: string, count: number): number[] {
  const chunk = base64.slice(0, Math.ceil(count / 3) * 4);
  try {
    return Array.from(atob(chunk), (c) => c.charCodeAt(0)).slice(0, count);
  } catch {
    return [];
  }
}

export function checkPictureSource(src: unknown): PictureCheck {
  if (typeof src !== 'string' || src.trim() === '') return { ok: false, reason: 'it had no picture in it' };
  if (/^\s*(https?:|\/\/)/i.test(src)) return { ok: false, reason: 'it was a link to a picture elsewhere, not a picture saved in the pack' };
  const match = DATA_URL.exec(src);
  if (!match) return { ok: false, reason: 'it was not a picture saved in the pack' };
  const declared = match[1]!.toLowerCase();
  if (declared !== 'png' && declared !== 'jpeg' && declared !== 'jpg') {
    return { ok: false, reason: `it was a ${declared.toUpperCase().replace(/\+XML$/, '')} picture, and only PNG and JPEG pictures can be kept` };
  }
  if (!/;base64$/i.test(match[2] ?? '')) return { ok: false, reason: 'its picture data was not in the expected form' };
  if (src.length > MAX_SOURCE_CHARS * 1.1) return { ok: false, reason: `it was larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB` };
  // Old files may have line breaks in the base64; nothing else is allowed in it.
  const payload = src.slice(match[0].length).replace(/\s+/g, '');
  if (!BASE64.test(payload) || payload.length % 4 !== 0 || payload.length === 0) return { ok: false, reason: 'its picture data was damaged' };
  const padding = payload.endsWith('==') ? 2 : payload.endsWith('=') ? 1 : 0;
  if ((payload.length / 4) * 3 - padding > MAX_IMAGE_BYTES) return { ok: false, reason: `it was larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB` };
  const head = firstBytes(payload, 8);
  const kind = PNG_SIGNATURE.every((b, i) => head[i] === b) ? 'png' : head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff ? 'jpeg' : null;
  if (!kind) return { ok: false, reason: 'its data was not a PNG or JPEG picture' };
  // The declared type follows the bytes (a JPEG named image/png is still a JPEG).
  return { ok: true, kind, src: `data:image/${kind};base64,${payload}` };
}

/** The text that stands where a picture was removed. */
export function removedPictureText(reason: string, altText: unknown): string {
  const alt = typeof altText === 'string' ? altText.replace(/\s+/g, ' ').trim().slice(0, 200) : '';
  return `[Picture removed: ${reason}.${alt ? ` Its description was “${alt}”.` : ''}]`;
}

/** Parents whose children are blocks: a placeholder there must be a paragraph, elsewhere text is enough. */
const BLOCK_PARENTS = new Set(['root', 'tablecell']);

function placeholderFor(node: SerializedNodeJson, reason: string, parentType: string): SerializedNodeJson {
  const text: SerializedNodeJson = { type: 'text', version: 1, text: removedPictureText(reason, node.altText), format: 2, style: '', mode: 'normal', detail: 0 };
  if (!BLOCK_PARENTS.has(parentType)) return text;
  return { type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [text] };
}

export interface PictureReview {
  /** The root with every picture checked: the same object when nothing had to change. */
  root: SerializedNodeJson;
  /** What was removed, one reason per picture. */
  removed: string[];
}

/**
 * Check every image node under `root`: keep good pictures (with their normalised source),
 * replace the others by a placeholder. Iterative; copies only when something changes, so a
 * clean tree is returned as it is (key order and all).
 */
export function reviewPictures(root: SerializedNodeJson): PictureReview {
  const removed: string[] = [];
  const changes = new Map<SerializedNodeJson, SerializedNodeJson>();
  const stack: Array<{ node: SerializedNodeJson; parentType: string }> = [{ node: root, parentType: '' }];
  while (stack.length) {
    const { node, parentType } = stack.pop()!;
    if (node.type === 'image') {
      const check = checkPictureSource(node.src);
      if (!check.ok) {
        removed.push(check.reason);
        changes.set(node, placeholderFor(node, check.reason, parentType));
      } else if (check.src !== node.src) {
        changes.set(node, { ...node, src: check.src });
      }
      continue;
    }
    if (Array.isArray(node.children)) for (const child of node.children) if (child && typeof child === 'object') stack.push({ node: child, parentType: node.type });
  }
  if (changes.size === 0) return { root, removed };
  return { root: rebuild(root, changes), removed };
}

/** A copy of `root` with the changed nodes swapped in (iterative, post-order). */
function rebuild(root: SerializedNodeJson, changes: Map<SerializedNodeJson, SerializedNodeJson>): SerializedNodeJson {
  const copies = new Map<SerializedNodeJson, SerializedNodeJson>();
  const order: SerializedNodeJson[] = [];
  const stack: SerializedNodeJson[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    order.push(node);
    if (!changes.has(node) && Array.isArray(node.children)) for (const child of node.children) if (child && typeof child === 'object') stack.push(child);
  }
  // Children come after their parent in `order`, so walking it backwards builds children first.
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i]!;
    const changed = changes.get(node);
    if (changed) {
      copies.set(node, changed);
      continue;
    }
    if (!Array.isArray(node.children)) continue;
    const children = node.children.map((child) => copies.get(child) ?? child);
    if (children.some((child, k) => child !== node.children![k])) copies.set(node, { ...node, children });
  }
  return copies.get(root) ?? root;
}
