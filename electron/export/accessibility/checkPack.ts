import { brandingSchema, type Branding } from '../../../shared/branding/schema.js';
import { contrastRatio } from '../../../shared/branding/contrast.js';
import type { Pack } from '../../../shared/pack/schema.js';
import { CLASSIFICATIONS } from '../../../shared/pack/vocabulary.js';
import type { AccessibilityProblem, AccessibilityReport, AccessibilityRule, Severity } from '../../../shared/export/types.js';
import type { SerializedNodeJson } from '../../../shared/richtext/serialized.js';
import { plainTextOf } from '../../../shared/richtext/plainText.js';
import { countWords } from '../../../shared/richtext/wordCount.js';
import { FORMAT, fontSizeFromStyle } from '../inline.js';
import { headingLevelOfTag } from '../blocks.js';
import { sectionLabel } from '../renderContext.js';

/**
 * The accessibility checker run before every export. It reads the pack itself (what the
 * author can fix in the editor), and names each problem's place and the fix in plain English.
 * Rules follow the council rules for published documents (WCAG 2.2 AA, PSBAR 2018).
 */
export const MIN_FONT_PT = 12;
export const MIN_CONTRAST = 4.5;

const SEVERITY: Record<AccessibilityRule, Severity> = {
  'missing-title': 'error',
  'image-alt-text': 'error',
  'table-header-row': 'error',
  'table-merged-cells': 'error',
  'heading-skipped-level': 'error',
  'heading-empty': 'error',
  'font-size': 'error',
  'colour-contrast': 'error',
  'link-text': 'warning',
  'underline-not-link': 'warning',
  'all-caps': 'warning',
};

/** Link text that says nothing about where the link goes. */
const VAGUE_LINK = /^(click here|click|here|click this|this link|link|read more|more|more info(rmation)?|find out more|this|this page|go|see here|details)$/i;
const URL_LIKE = /^(https?:\/\/|www\.|mailto:)\S+$|^[\w-]+(\.[\w-]+)+(\/\S*)?$/i;

export function isVagueLinkText(text: string): boolean {
  return VAGUE_LINK.test(text.trim().replace(/[.:!]+$/, ''));
}

export function isBareUrl(text: string): boolean {
  return URL_LIKE.test(text.trim());
}

/** A protective marking as it may appear in the text (OFFICIAL, OFFICIAL-SENSITIVE, with a caveat). */
function isMarking(text: string): boolean {
  const t = text.trim().replace(/[.\s]+$/, '');
  return CLASSIFICATIONS.some((c) => t === c || t.startsWith(`${c}:`) || t.startsWith(`${c} `)) || /^OFFICIAL[-\s]SENSITIVE/.test(t);
}

/** Shouting: at least three words and twelve letters, none of them lower case. */
export function isAllCaps(text: string): boolean {
  // Fast path: almost every paragraph has a lower-case ASCII letter.
  if (/[a-z]/.test(text)) return false;
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length < 12) return false;
  if (countWords(text) < 3) return false;
  return !/\p{Ll}/u.test(text) && !isMarking(text);
}

function excerpt(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/**
 * Whether any text under these nodes has a lower-case ASCII letter, in which case their text
 * cannot be all capitals (isAllCaps' own fast path) and need not be put together to check.
 */
function hasLowerCase(nodes: SerializedNodeJson[] | undefined): boolean {
  for (const node of nodes ?? []) {
    if (typeof node.text === 'string' && /[a-z]/.test(node.text)) return true;
    if (Array.isArray(node.children) && hasLowerCase(node.children)) return true;
  }
  return false;
}

function textOf(node: SerializedNodeJson): string {
  return typeof node.text === 'string' ? node.text : plainTextOf({ root: { type: 'root', children: node.children ?? [] } });
}

class Collector {
  readonly problems: AccessibilityProblem[] = [];
  add(rule: AccessibilityRule, where: string, message: string, fix: string, sectionId?: string): void {
    this.problems.push({ rule, severity: SEVERITY[rule], where, message, fix, ...(sectionId ? { sectionId } : {}) });
  }
}

class SectionWalker {
  private previousHeading = 1;
  private block = 0;
  private fontReported = false;

  constructor(
    private readonly out: Collector,
    private readonly label: string,
    private readonly sectionId: string,
  ) {}

  private where(detail?: string): string {
    return `${this.label}, paragraph ${this.block}${detail ? `, ${detail}` : ''}`;
  }

  private add(rule: AccessibilityRule, message: string, fix: string, detail?: string): void {
    this.out.add(rule, this.where(detail), message, fix, this.sectionId);
  }

  walk(children: SerializedNodeJson[]): void {
    for (const node of children) {
      this.block++;
      this.blockNode(node);
    }
  }

  private blockNode(node: SerializedNodeJson, detail?: string): void {
    switch (node.type) {
      case 'heading': {
        const text = textOf(node);
        const level = headingLevelOfTag(node.tag);
        if (!text.trim()) {
          this.add('heading-empty', 'This heading has no text.', 'Type the heading text, or change it to a normal paragraph.', detail);
          return;
        }
        if (level > this.previousHeading + 1) {
          this.add(
            'heading-skipped-level',
            `The heading “${excerpt(text)}” is Heading ${level} but follows Heading ${this.previousHeading}, skipping a level. It will be exported as Heading ${this.previousHeading + 1}.`,
            `Use Heading ${this.previousHeading + 1} here, so the outline has no gaps.`,
            detail,
          );
          this.previousHeading += 1;
        } else this.previousHeading = level;
        this.inlines(node.children, false, detail);
        this.capitals(text, detail);
        return;
      }
      case 'paragraph':
      case 'quote':
        this.inlines(node.children, false, detail);
        if (!hasLowerCase(node.children)) this.capitals(textOf(node), detail);
        return;
      case 'list':
        for (const item of node.children ?? []) {
          const nested = (item.children ?? []).filter((c) => c.type === 'list');
          const inline = (item.children ?? []).filter((c) => c.type !== 'list');
          this.inlines(inline, false, detail);
          if (!hasLowerCase(inline)) this.capitals(plainTextOf({ root: { type: 'root', children: inline } }), detail);
          for (const list of nested) this.blockNode(list, detail);
        }
        return;
      case 'table':
        this.table(node);
        return;
      case 'image':
        this.image(node, detail);
        return;
      default:
        if (Array.isArray(node.children)) this.inlines(node.children, false, detail);
    }
  }

  private table(node: SerializedNodeJson): void {
    const rows = (node.children ?? []).filter((r) => r.type === 'tablerow');
    const first = rows[0]?.children ?? [];
    const hasHeader = first.some((c) => typeof c.headerState === 'number' && (c.headerState & 1) !== 0);
    if (rows.length > 0 && !hasHeader) {
      this.add(
        'table-header-row',
        'This table has no header row, so screen readers cannot say which column a cell belongs to, and the column titles do not repeat on each page.',
        'Put the column titles in the first row and mark it as a header row: right-click the table and choose “Header row”, or use the Header row button in the toolbar.',
      );
    }
    let merged = false;
    rows.forEach((row, r) => {
      (row.children ?? []).forEach((cell, c) => {
        if (!merged && (Number(cell.colSpan) > 1 || Number(cell.rowSpan) > 1)) {
          merged = true;
          this.add('table-merged-cells', `This table has merged cells (row ${r + 1}, column ${c + 1}); they will be split in the Word file.`, 'Unmerge the cells and give every row the same number of cells.');
        }
        for (const child of cell.children ?? []) this.blockNode(child, `table row ${r + 1}, column ${c + 1}`);
      });
    });
  }

  private image(node: SerializedNodeJson, detail?: string): void {
    const alt = typeof node.altText === 'string' ? node.altText.trim() : '';
    if (!alt) {
      this.add('image-alt-text', 'This picture has no alt text, so screen reader users will not know what it shows.', 'Add alt text that says what the picture shows and why it is there (for example “Map of Sefton’s coastal wards”).', detail);
    }
  }

  private capitals(text: string, detail?: string): void {
    if (isAllCaps(text)) {
      this.add('all-caps', `“${excerpt(text)}” is written in capital letters, which is harder to read and is read out letter by letter by some screen readers.`, 'Write it in sentence case; use bold for emphasis if needed.', detail);
    }
  }

  private inlines(nodes: SerializedNodeJson[] | undefined, inLink: boolean, detail?: string): void {
    for (const node of nodes ?? []) {
      if (node.type === 'link' || node.type === 'autolink') {
        const text = textOf(node).trim();
        const url = typeof node.url === 'string' ? node.url : '';
        if (isVagueLinkText(text)) {
          this.add('link-text', `The link text “${excerpt(text)}” does not say where the link goes.`, 'Use words that describe the destination, such as “Imagine Sefton 2030 plan”.', detail);
        } else if (isBareUrl(text)) {
          this.add('link-text', `The link text is a bare web address (${excerpt(text || url)}), which screen readers read out character by character.`, 'Replace it with words that describe the destination, and keep the address as the link target.', detail);
        }
        this.inlines(node.children, true, detail);
        continue;
      }
      if (node.type === 'text') {
        const format = typeof node.format === 'number' ? node.format : 0;
        if ((format & FORMAT.underline) !== 0 && !inLink && (node.text ?? '').trim()) {
          this.add('underline-not-link', `“${excerpt(node.text ?? '')}” is underlined but is not a link; readers will try to click it.`, 'Remove the underline; use bold for emphasis.', detail);
        }
        const size = fontSizeFromStyle(node.style);
        if (size !== undefined && size < MIN_FONT_PT && !this.fontReported) {
          this.fontReported = true;
          this.add('font-size', `Text “${excerpt(node.text ?? '')}” is ${Math.round(size * 10) / 10} pt, smaller than ${MIN_FONT_PT} pt.`, `Set the text to ${MIN_FONT_PT} pt or larger (the house style size).`, detail);
        }
        continue;
      }
      if (node.type === 'image') {
        this.image(node, detail);
        continue;
      }
      if (Array.isArray(node.children)) this.inlines(node.children, inLink, detail);
    }
  }
}

export function checkPack(pack: Pack, brandingInput: Partial<Branding> = {}): AccessibilityReport {
  const branding = brandingSchema.parse(brandingInput);
  const out = new Collector();
  const title = pack.frontSheet.title.trim();
  if (!title || title === 'Untitled briefing') {
    out.add('missing-title', 'Front sheet', 'The pack has no title, so the Word file would have no document title for screen readers and search.', 'Give the pack a title on the front sheet.');
  }
  if (branding.fontSizePt < MIN_FONT_PT) {
    out.add('font-size', 'House style (settings)', `The body text size is ${branding.fontSizePt} pt, smaller than ${MIN_FONT_PT} pt.`, `Set the house style text size to ${MIN_FONT_PT} pt or larger in Settings.`);
  }
  const contrast = contrastRatio(branding.accentColour, '#FFFFFF');
  if (contrast < MIN_CONTRAST) {
    out.add('colour-contrast', 'House style (settings)', `The accent colour ${branding.accentColour} used for headings has a contrast of ${contrast.toFixed(1)}:1 with white, below ${MIN_CONTRAST}:1.`, 'Choose a darker accent colour in Settings.');
  }
  pack.sections.forEach((section, index) => {
    const label = sectionLabel(index, section.title);
    if (!section.title.trim()) out.add('heading-empty', label, 'This section has no title, so its heading in the Word file would be empty.', 'Give the section a title.', section.id);
    new SectionWalker(out, label, section.id).walk(section.content.root.children);
  });
  const errors = out.problems.filter((p) => p.severity === 'error').length;
  return { problems: out.problems, errors, warnings: out.problems.length - errors };
}
