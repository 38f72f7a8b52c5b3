/**
 * What an import left out or changed, counted as it goes, for the preview's plain-English
 * list ("2 charts were left out"). Keys are fixed below; examples name a few cases.
 */
export type TallyKey =
  | 'comments'
  | 'revisions'
  | 'contents'
  | 'footnotes'
  | 'endnotes'
  | 'picture-too-large'
  | 'picture-format'
  | 'picture-linked'
  | 'picture-missing'
  | 'picture-no-alt'
  | 'chart'
  | 'smartart'
  | 'shape'
  | 'embedded-object'
  | 'embedded-content'
  | 'symbol'
  | 'equation'
  | 'text-box'
  | 'hidden'
  | 'link-internal'
  | 'link-scheme'
  | 'merged-cells'
  | 'nested-table'
  | 'heading-deep'
  | 'heading-lifted'
  | 'numbered-heading'
  | 'headers-footers'
  | 'logo'
  | 'council-name'
  | 'draft-marking'
  | 'status';

export class ImportTally {
  private readonly counts = new Map<TallyKey, number>();
  private readonly samples = new Map<TallyKey, string[]>();

  add(key: TallyKey, example?: string, n = 1): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + n);
    if (example) {
      const list = this.samples.get(key) ?? [];
      if (list.length < 3 && !list.includes(example)) list.push(example);
      this.samples.set(key, list);
    }
  }

  count(key: TallyKey): number {
    return this.counts.get(key) ?? 0;
  }

  examples(key: TallyKey): string[] {
    return this.samples.get(key) ?? [];
  }
}
