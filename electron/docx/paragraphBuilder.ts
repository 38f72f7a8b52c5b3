import type { DocxInline, DocxLink, DocxMarks, DocxRevisionMark } from './types.js';

/**
 * Collects one paragraph's inlines while the reader walks its runs, keeping the three texts
 * (all, original, accepted) and each inline's offset in step, so anchors can be placed later.
 */
export class ParagraphBuilder {
  readonly inlines: DocxInline[] = [];
  text = '';
  original = '';
  accepted = '';
  /** Containers inlines go into: the paragraph, or an open hyperlink's children. */
  private readonly containers: DocxInline[][] = [this.inlines];
  visibleChars = 0;
  hiddenChars = 0;
  sawContents = false;

  constructor(readonly index: number) {}

  get offset(): number {
    return this.text.length;
  }

  private add(inline: DocxInline): void {
    this.containers[this.containers.length - 1]!.push(inline);
  }

  private appendText(value: string, revision: DocxRevisionMark | undefined): void {
    this.text += value;
    if (revision?.kind !== 'insertion') this.original += value;
    if (revision?.kind !== 'deletion') this.accepted += value;
  }

  addText(value: string, marks: DocxMarks, revision: DocxRevisionMark | undefined, hidden: boolean): void {
    if (!value) return;
    if (hidden) {
      this.hiddenChars += value.length;
      return;
    }
    this.visibleChars += value.length;
    const container = this.containers[this.containers.length - 1]!;
    const last = container[container.length - 1];
    // Runs with the same marks and revision are one piece of text (Word splits runs freely).
    if (last?.kind === 'text' && last.offset + last.text.length === this.offset && sameMarks(last.marks, marks) && last.revision?.id === revision?.id) {
      last.text += value;
    } else {
      this.add({ kind: 'text', text: value, marks, offset: this.offset, ...(revision ? { revision } : {}) });
    }
    this.appendText(value, revision);
  }

  addBreak(revision: DocxRevisionMark | undefined): void {
    this.add({ kind: 'break', offset: this.offset, ...(revision ? { revision } : {}) });
    this.appendText('\n', revision);
  }

  addTab(revision: DocxRevisionMark | undefined): void {
    this.add({ kind: 'tab', offset: this.offset, ...(revision ? { revision } : {}) });
    this.appendText('\t', revision);
  }

  /** Pictures, note references and dropped objects take no characters (dropped ones keep their text). */
  addObject(inline: DocxInline, text = ''): void {
    this.add(inline);
    if (text) {
      this.visibleChars += text.length;
      this.appendText(text, undefined);
    }
  }

  openLink(href: string | null, anchor: string | null): DocxLink {
    const link: DocxLink = { kind: 'link', href, anchor, children: [] };
    this.add(link);
    this.containers.push(link.children);
    return link;
  }

  closeLink(link: DocxLink): void {
    const at = this.containers.lastIndexOf(link.children);
    if (at > 0) this.containers.length = at;
  }

  /** Is a link (from a field) still open in this paragraph? */
  hasOpenLink(link: DocxLink): boolean {
    return this.containers.includes(link.children);
  }
}

export function sameMarks(a: DocxMarks, b: DocxMarks): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.strikethrough === b.strikethrough && a.superscript === b.superscript && a.subscript === b.subscript;
}

export const NO_MARKS: DocxMarks = Object.freeze({ bold: false, italic: false, underline: false, strikethrough: false, superscript: false, subscript: false });
