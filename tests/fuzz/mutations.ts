import fc from 'fast-check';
import { newPack, newSection } from '../../shared/pack/defaults.js';
import { serialisePack } from '../../shared/pack/parse.js';
import { editorStateFromParagraphs } from '../../shared/richtext/editorState.js';

/** One fuzz input: the bytes of a file and how they were made (for the report). */
export interface FuzzInput {
  kind: string;
  bytes: Uint8Array;
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

/** Mutations of a valid file: truncations, bit flips, wrong types, deep nesting, huge strings. */
export function mutated(base: fc.Arbitrary<string>): fc.Arbitrary<FuzzInput> {
  return fc.oneof(
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
