import path from 'node:path/posix';

/**
 * The package level of a .docx (Open Packaging Conventions): which content type each part
 * has, and whether the content types and relationships point at parts that exist. Schema
 * validation of each part cannot see these.
 */

const CONTENT_TYPES = '[Content_Types].xml';

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:]+)="([^"]*)"/g)) out.set(m[1]!, decode(m[2]!));
  return out;
}

function decode(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export interface ContentTypes {
  of(part: string): string | null;
  /** Problems of [Content_Types].xml itself: overrides for parts that are not there. */
  problems: string[];
}

export function readContentTypes(xml: string | undefined, parts: ReadonlySet<string>): ContentTypes {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  const problems: string[] = [];
  if (xml === undefined) problems.push(`${CONTENT_TYPES} is missing`);
  for (const m of (xml ?? '').matchAll(/<(Default|Override)\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (m[1] === 'Default') defaults.set((a.get('Extension') ?? '').toLowerCase(), a.get('ContentType') ?? '');
    else overrides.set((a.get('PartName') ?? '').toLowerCase(), a.get('ContentType') ?? '');
  }
  const lowerParts = new Set([...parts].map((p) => `/${p}`.toLowerCase()));
  for (const name of overrides.keys()) if (!lowerParts.has(name)) problems.push(`Override for ${name}, which is not in the package`);
  return {
    problems,
    of(part: string) {
      const override = overrides.get(`/${part}`.toLowerCase());
      if (override !== undefined) return override;
      const base = path.basename(part);
      const dot = base.lastIndexOf('.');
      return dot >= 0 ? (defaults.get(base.slice(dot + 1).toLowerCase()) ?? null) : null;
    },
  };
}

/** The source part a relationships part describes: word/_rels/document.xml.rels → word/document.xml. */
function sourceOf(relsPart: string): string {
  const dir = path.dirname(path.dirname(relsPart));
  const name = path.basename(relsPart).replace(/\.rels$/, '');
  return dir === '.' ? name : `${dir}/${name}`;
}

/** Internal relationships whose target part is not in the package. */
export function missingRelationshipTargets(relsPart: string, xml: string, parts: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const base = path.dirname(sourceOf(relsPart));
  const lowerParts = new Set([...parts].map((p) => p.toLowerCase()));
  for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (a.get('TargetMode') === 'External') continue;
    const target = a.get('Target') ?? '';
    const resolved = target.startsWith('/') ? target.slice(1) : path.normalize(path.join(base === '.' ? '' : base, target));
    if (!lowerParts.has(decodeURIComponent(resolved).toLowerCase())) problems.push(`Relationship ${a.get('Id')} points at ${target}, which is not in the package`);
  }
  return problems;
}
