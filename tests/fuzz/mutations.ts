import fc from 'fast-check';
import { newPack, newSection } from '../../shared/pack/defaults.js';
import { serialisePack } from '../../shared/pack/parse.js';
import { editorStateFromParagraphs } from '../../shared/richtext/editorState.js';

/** One fuzz input: the bytes of a file and how they were made (for the report). */
export interface FuzzInput {
  kind: string;
  bytes: Uint8Array;
  /** Written as a sparse file of this size (bytes first, then zeros): the over-the-limit files. */
  sparseSize?: number;
  /** Not a file at all but a folder with the file's name. */
  folder?: boolean;
  /** Give the file an upper-case extension (.BRIEFING). */
  upperCaseExtension?: boolean;
}

const text = fc.string({ maxLength: 80, unit: 'grapheme' });

/** A valid pack file, small but with every part present. */
export const validPackText = fc
  .record({
    title: text,
    sections: fc.array(fc.record({ title: text, paragraphs: fc.array(text, { maxLength: 4 }) }), { maxLength: 4 }),
    exempt: fc.boolean(),
  })
  .map(({ title, sections, exempt }) =>
    serialisePack(
      newPack(
        { title, access: { exempt, schedule12aParagraph: exempt ? 3 : null } },
        sections.map((s) => newSection(s.title, { content: editorStateFromParagraphs(s.paragraphs) })),
        new Date('2026-11-01T09:00:00.000Z'),
      ),
    ),
  );

/** A template-shaped file (format "briefing-template"), as issue 4 describes them. */
export const validTemplateText = fc
  .record({ name: text, sections: fc.array(fc.record({ title: text, guidance: text }), { maxLength: 4 }) })
  .map(({ name, sections }) =>
    JSON.stringify(
      {
        format: 'briefing-template',
        formatVersion: 1,
        id: 'fuzz-template',
        name,
        version: '1.0',
        description: '',
        frontSheet: { classification: 'OFFICIAL' },
        sections: sections.map((s, i) => ({ id: `s${i}`, title: s.title, guidance: s.guidance, content: editorStateFromParagraphs([s.guidance]) })),
      },
      null,
      2,
    ) + '\n',
  );

const encoder = new TextEncoder();

/** Replace the value at a random path inside parsed JSON with something of the wrong type. */
function replaceAtPath(json: unknown, pick: number, value: unknown): unknown {
  const paths: Array<Array<string | number>> = [];
  const walk = (node: unknown, trail: Array<string | number>) => {
    paths.push(trail);
    if (Array.isArray(node)) node.forEach((child, i) => walk(child, [...trail, i]));
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, [...trail, k]);
  };
  walk(json, []);
  const target = paths[pick % paths.length]!;
  if (target.length === 0) return value;
  const copy = structuredClone(json) as Record<string | number, unknown>;
  let node = copy as Record<string | number, unknown>;
  for (const key of target.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[target[target.length - 1]!] = value;
  return copy;
}

function deepNest(depth: number, style: 'array' | 'object' | 'content'): string {
  if (style === 'array') return '['.repeat(depth) + ']'.repeat(depth);
  if (style === 'object') return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
  return '{"type":"paragraph","children":['.repeat(depth) + ']}'.repeat(depth);
}

/** Every object in parsed JSON that looks like a content node (has a string `type`). */
function contentNodes(json: unknown): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const stack: unknown[] = [json];
  while (stack.length) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (node && typeof node === 'object') {
      if (typeof (node as { type?: unknown }).type === 'string') out.push(node as Record<string, unknown>);
      stack.push(...Object.values(node));
    }
  }
  return out;
}

/** A parsed copy of `text` with `change` applied to the content node number `pick` (if any). */
function withNode(text: string, pick: number, change: (node: Record<string, unknown>) => void): string {
  const json = JSON.parse(text) as unknown;
  const nodes = contentNodes(json).filter((n) => n.type !== 'root');
  if (nodes.length) change(nodes[pick % nodes.length]!);
  return JSON.stringify(json);
}

/** Picture sources a pack may never keep (issue 17). */
const HOSTILE_PICTURES = [
  'https://tracker.example/pixel.png',
  '//cdn.example/x.png',
  'file:///C:/clip_image001.png',
  'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIi8+',
  'data:image/gif;base64,R0lGODlhAQABAAAAACw=',
  'data:image/png;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:image/png;base64,iVBO$$$',
  'data:image/png,raw',
  '',
];

/** Link tricks (issue 17). */
const HOSTILE_LINKS = ['https:javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'java\u0000script:x', '\u202ejavascript:x', 'data:text/html,<script>', 'https://a@evil.example/', 'vbscript:x', 'file:///etc/passwd', 'https://', 'mailto:a b@c'];

/** Text a terminal or a Word file must never receive raw. */
const HOSTILE_TEXT = ['\u001b[2J\u001b[31mred\u0007', '\u001b]0;title\u0007', '\u009b31m', '\u0000\u0008\r', '\uFFFE\uFFFF', '\uD800', '\u202e'];

function encodeAs(text: string, encoding: 'utf16le-bom' | 'utf16le' | 'utf16be-bom' | 'utf16be' | 'latin1' | 'utf32' | 'invalid-utf8'): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  switch (encoding) {
    case 'utf16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
    case 'utf16le':
      return le;
    case 'utf16be-bom':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]);
    case 'utf16be':
      return Buffer.from(le).swap16();
    case 'latin1':
      return Buffer.from(text.replace(/"title": "/, '"title": "Caf\u00e9 '), 'latin1');
    case 'utf32':
      return Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.alloc(16)]);
    case 'invalid-utf8': {
      const bytes = Buffer.from(text);
      bytes[Math.floor(bytes.length / 2)] = 0xff;
      return bytes;
    }
  }
}

/** The shapes issue 17 names: encodings, huge and odd files, deep nesting, pictures, links, escapes, unknown keys. */
function issue17Shapes(base: fc.Arbitrary<string>): Array<{ weight: number; arbitrary: fc.Arbitrary<FuzzInput> }> {
  return [
    {
      weight: 1,
      arbitrary: fc
        .tuple(base, fc.constantFrom('utf16le-bom', 'utf16le', 'utf16be-bom', 'utf16be', 'latin1', 'utf32', 'invalid-utf8') as fc.Arbitrary<Parameters<typeof encodeAs>[1]>)
        .map(([t, encoding]) => ({ kind: 'encoding', bytes: encodeAs(t, encoding) })),
    },
    // Over the size limit (a sparse file: no disk space, and nothing read).
    { weight: 1, arbitrary: fc.tuple(base, fc.integer({ min: 50 * 1024 * 1024 + 1, max: 700 * 1024 * 1024 })).map(([t, size]) => ({ kind: 'oversize', bytes: encoder.encode(t), sparseSize: size })) },
    { weight: 1, arbitrary: base.map((t) => ({ kind: 'folder', bytes: encoder.encode(t), folder: true })) },
    { weight: 1, arbitrary: base.map((t) => ({ kind: 'upper-case-extension', bytes: encoder.encode(t), upperCaseExtension: true })) },
    {
      weight: 1,
      arbitrary: fc.tuple(base, fc.nat(), fc.constantFrom<'array' | 'object' | 'content'>('array', 'object', 'content')).map(([t, pick, style]) => ({
        kind: 'deep-10000',
        bytes: encoder.encode(JSON.stringify(replaceAtPath(JSON.parse(t), pick, '__DEEP__')).replace('"__DEEP__"', deepNest(10_000, style))),
      })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(base, fc.nat(), fc.constantFrom(...HOSTILE_PICTURES), fc.boolean()).map(([t, pick, src, replace]) => ({
        kind: 'hostile-picture',
        bytes: encoder.encode(
          withNode(t, pick, (node) => {
            const picture = { type: 'image', version: 1, src, altText: 'A picture', width: null, height: null };
            if (replace) Object.assign(node, picture);
            else if (Array.isArray(node.children)) (node.children as unknown[]).push(picture);
          }),
        ),
      })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(base, fc.nat(), fc.constantFrom(...HOSTILE_LINKS)).map(([t, pick, url]) => ({
        kind: 'hostile-link',
        bytes: encoder.encode(
          withNode(t, pick, (node) => {
            const link = { type: 'link', version: 1, url, children: [{ type: 'text', version: 1, text: 'a link', format: 0, style: '', mode: 'normal', detail: 0 }] };
            if (Array.isArray(node.children)) (node.children as unknown[]).push(link);
            else node.url = link.url;
          }),
        ),
      })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(base, fc.nat(), fc.constantFrom(...HOSTILE_TEXT)).map(([t, pick, escape]) => ({
        kind: 'control-characters',
        bytes: encoder.encode(JSON.stringify(replaceAtPath(JSON.parse(t), pick, `${escape}text`))),
      })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(base, fc.nat(), fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue({ maxDepth: 3 })).map(([t, pick, key, value]) => {
        const json = JSON.parse(t) as Record<string, unknown>;
        const objects = [json, ...contentNodes(json)].filter((o) => o && typeof o === 'object' && !Array.isArray(o));
        (objects[pick % objects.length] as Record<string, unknown>)[`x-${key}`] = value;
        return { kind: 'unknown-keys', bytes: encoder.encode(JSON.stringify(json)) };
      }),
    },
  ];
}

/** Mutations of a valid file: truncations, bit flips, wrong types, deep nesting, huge strings, and issue 17's shapes. */
export function mutated(base: fc.Arbitrary<string>): fc.Arbitrary<FuzzInput> {
  return fc.oneof(
    ...issue17Shapes(base),
    { weight: 1, arbitrary: base.map((t) => ({ kind: 'valid', bytes: encoder.encode(t) })) },
    {
      weight: 3,
      arbitrary: fc.tuple(base, fc.double({ min: 0, max: 1, noNaN: true })).map(([t, f]) => {
        const bytes = encoder.encode(t);
        return { kind: 'truncated', bytes: bytes.slice(0, Math.floor(bytes.length * f)) };
      }),
    },
    {
      weight: 3,
      arbitrary: fc.tuple(base, fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 8, maxLength: 8 })).map(([t, positions, bits]) => {
        const bytes = encoder.encode(t);
        positions.forEach((p, i) => (bytes[p % bytes.length]! ^= 1 << bits[i % bits.length]!));
        return { kind: 'bit-flips', bytes };
      }),
    },
    {
      weight: 3,
      arbitrary: fc.tuple(base, fc.nat(), fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(null, true, 0, -1, 1e308, '', [], {}, 'x'))).map(([t, pick, value]) => ({
        kind: 'wrong-type',
        bytes: encoder.encode(JSON.stringify(replaceAtPath(JSON.parse(t), pick, value))),
      })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(base, fc.nat(), fc.integer({ min: 50, max: 200_000 }), fc.constantFrom<'array' | 'object' | 'content'>('array', 'object', 'content')).map(([t, pick, depth, style]) => {
        // Either a whole file of nesting, or a deeply nested value spliced into a valid file.
        if (pick % 2 === 0) return { kind: 'deep-nesting', bytes: encoder.encode(deepNest(depth, style)) };
        const marker = '"__DEEP__"';
        const spliced = JSON.stringify(replaceAtPath(JSON.parse(t), pick, '__DEEP__')).replace(marker, deepNest(Math.min(depth, 50_000), style));
        return { kind: 'deep-nesting', bytes: encoder.encode(spliced) };
      }),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(base, fc.nat(), fc.integer({ min: 10_000, max: 3_000_000 }), fc.constantFrom('x', 'é', '\u0000', '"', '\\', '\ud83d\ude00')).map(([t, pick, size, ch]) => ({
        kind: 'huge-string',
        bytes: encoder.encode(JSON.stringify(replaceAtPath(JSON.parse(t), pick, ch.repeat(Math.floor(size / ch.length))))),
      })),
    },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => ({ kind: 'random-json', bytes: encoder.encode(JSON.stringify(v) ?? 'null') })) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2000 }).map((bytes) => ({ kind: 'random-bytes', bytes })) },
  );
}
