import type { DocxListInfo } from './types.js';
import { child, childrenNamed, childVal, type XmlElement } from './xml.js';

/**
 * numbering.xml, and the numbers Word shows. A w:num is an instance of a w:abstractNum (the
 * definition: per level a format and a start value); instances of one definition share its
 * counters — that is how a list carries on after a paragraph in between — unless the
 * instance overrides a level's start (w:lvlOverride/w:startOverride), which is how Word
 * writes "Restart numbering". Counting the paragraphs in order gives each item the number
 * Word prints, so an importer can keep restarts and start values.
 */
interface Level {
  format: string;
  start: number;
  /** w:lvlRestart: restart after a level at or above this (1-based); 0 never restarts. */
  restartAfter: number | undefined;
  pStyle: string | undefined;
}

interface AbstractNum {
  id: string;
  levels: Map<number, Level>;
  styleLink: string | undefined;
  numStyleLink: string | undefined;
}

interface NumInstance {
  id: string;
  abstractNumId: string;
  startOverrides: Map<number, number>;
  levelOverrides: Map<number, Level>;
}

function readLevel(lvl: XmlElement): Level {
  const start = Number(childVal(lvl, 'w:start') ?? '1');
  const restart = childVal(lvl, 'w:lvlRestart');
  return {
    format: childVal(lvl, 'w:numFmt') ?? 'decimal',
    start: Number.isFinite(start) ? start : 1,
    restartAfter: restart !== undefined ? Number(restart) : undefined,
    pStyle: childVal(lvl, 'w:pStyle'),
  };
}

export class Numbering {
  private readonly abstracts = new Map<string, AbstractNum>();
  private readonly nums = new Map<string, NumInstance>();
  private readonly counters = new Map<string, Array<number | undefined>>();
  private readonly startedNums = new Set<string>();

  constructor(
    root: XmlElement | null,
    private readonly styleNumbering: (styleId: string) => { numId: string; level: number } | null,
  ) {
    if (!root) return;
    for (const a of childrenNamed(root, 'w:abstractNum')) {
      const id = a.attrs['w:abstractNumId'];
      if (id === undefined) continue;
      const levels = new Map<number, Level>();
      for (const lvl of childrenNamed(a, 'w:lvl')) levels.set(Number(lvl.attrs['w:ilvl'] ?? '0'), readLevel(lvl));
      this.abstracts.set(id, { id, levels, styleLink: childVal(a, 'w:styleLink'), numStyleLink: childVal(a, 'w:numStyleLink') });
    }
    for (const n of childrenNamed(root, 'w:num')) {
      const id = n.attrs['w:numId'];
      const abstractNumId = childVal(n, 'w:abstractNumId');
      if (id === undefined || abstractNumId === undefined) continue;
      const startOverrides = new Map<number, number>();
      const levelOverrides = new Map<number, Level>();
      for (const o of childrenNamed(n, 'w:lvlOverride')) {
        const ilvl = Number(o.attrs['w:ilvl'] ?? '0');
        const start = childVal(o, 'w:startOverride');
        if (start !== undefined && Number.isFinite(Number(start))) startOverrides.set(ilvl, Number(start));
        const lvl = child(o, 'w:lvl');
        if (lvl) levelOverrides.set(ilvl, readLevel(lvl));
      }
      this.nums.set(id, { id, abstractNumId, startOverrides, levelOverrides });
    }
  }

  /** The definition behind an instance, following numbering-style links (w:numStyleLink → a style's num). */
  private abstractOf(num: NumInstance): AbstractNum | undefined {
    let abstract = this.abstracts.get(num.abstractNumId);
    for (let hops = 0; abstract?.numStyleLink && hops < 5; hops++) {
      const linked = this.styleNumbering(abstract.numStyleLink);
      const target = linked ? this.nums.get(linked.numId) : undefined;
      const next = target ? this.abstracts.get(target.abstractNumId) : undefined;
      if (!next || next === abstract) break;
      abstract = next;
    }
    return abstract;
  }

  /** A paragraph style tied to a level of some list (w:lvl/w:pStyle) with no numPr of its own. */
  numberingForStyle(styleId: string): { numId: string; level: number } | null {
    if (!this.byStyle) {
      // Built once: most paragraphs ask, and a long document has hundreds of list instances.
      this.byStyle = new Map();
      for (const num of this.nums.values()) {
        const abstract = this.abstractOf(num);
        if (!abstract) continue;
        for (const [level, def] of abstract.levels) if (def.pStyle && !this.byStyle.has(def.pStyle)) this.byStyle.set(def.pStyle, { numId: num.id, level });
      }
    }
    return this.byStyle.get(styleId) ?? null;
  }

  private byStyle: Map<string, { numId: string; level: number }> | null = null;

  /**
   * The list item a paragraph is, counted in document order: call once per numbered
   * paragraph, in order. Null when the numbering is missing or numId is 0 ("no numbering").
   */
  next(numId: string, level: number): DocxListInfo | null {
    if (numId === '0') return null;
    const num = this.nums.get(numId);
    if (!num) return null;
    const abstract = this.abstractOf(num);
    if (!abstract) return null;
    const ilvl = Math.max(0, Math.min(8, Math.floor(level)));
    const def = num.levelOverrides.get(ilvl) ?? abstract.levels.get(ilvl) ?? { format: 'decimal', start: 1, restartAfter: undefined, pStyle: undefined };
    const key = abstract.id;
    let counters = this.counters.get(key);
    if (!counters) this.counters.set(key, (counters = []));
    // The first paragraph of an instance with start overrides restarts those levels.
    if (!this.startedNums.has(num.id)) {
      this.startedNums.add(num.id);
      for (const [l] of num.startOverrides) counters[l] = undefined;
    }
    const start = num.startOverrides.get(ilvl) ?? def.start;
    const current = counters[ilvl];
    counters[ilvl] = current === undefined ? start : current + 1;
    // Deeper levels restart after this one (unless a level says it never restarts).
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const deeperDef = num.levelOverrides.get(deeper) ?? abstract.levels.get(deeper);
      if (deeperDef?.restartAfter === 0) continue;
      if (deeperDef?.restartAfter === undefined || deeperDef.restartAfter <= ilvl + 1) counters[deeper] = undefined;
    }
    const format = def.format;
    return {
      numId: num.id,
      abstractNumId: abstract.id,
      level: ilvl,
      format,
      ordered: format !== 'bullet' && format !== 'none',
      number: counters[ilvl]!,
    };
  }

}
