import { brandingSchema, type Branding } from '../../shared/branding/schema.js';
import { exportOptionsSchema, TOC_PAGE_NUMBER_WORD_LIMIT, type ExportNotice, type ExportOptions, type ExportOptionsInput } from '../../shared/export/types.js';
import type { Pack } from '../../shared/pack/schema.js';
import { buildDocument, wantsTableOfContents } from './buildDocument.js';
import { wordCountOf } from '../../shared/richtext/wordCount.js';
import { packDocx } from './packDocx.js';
import { planPublication, type PublicationPlan } from './publication/plan.js';
import { assertNoExemptWords } from './publication/leakGuard.js';
import { xmlSafeDeep, xmlSafeText } from './xmlSafe.js';
import { HostError } from '../../shared/api/errors.js';
import { unsettledMessage, unsettledSuggestions } from '../../shared/export/finalCheck.js';
import { accessStatus } from '../../shared/pack/parts.js';

export function wantsPageNumbers(pack: Pack, mode: 'auto' | 'always' | 'never'): boolean {
  if (mode !== 'auto') return mode === 'always';
  let words = 0;
  for (const section of pack.sections) {
    words += wordCountOf(section.content);
    if (words > TOC_PAGE_NUMBER_WORD_LIMIT) return false;
  }
  return true;
}

/**
 * A final export needs every suggestion settled (the checker lists where); review markup is
 * for the full version only, since comments and suggestions are never published.
 */
export function assertReviewModeAllowed(pack: Pack, options: ExportOptions): void {
  if (options.review === 'final') {
    const open = unsettledSuggestions(pack);
    if (open.length > 0) throw new HostError('INVALID_ARGUMENT', unsettledMessage(open));
  } else if (options.version === 'public' && accessStatus(pack).kind !== 'public') {
    throw new HostError('INVALID_ARGUMENT', 'Comments and tracked changes are never published: export the full version with them, or the public version as Final.');
  }
}

export interface ExportInput {
  pack: Pack;
  branding?: Partial<Branding>;
  options?: ExportOptionsInput;
  authorName?: string;
  onProgress?: (stage: string, done: number, total: number) => void;
}

export interface ExportOutput {
  buffer: Buffer;
  notices: ExportNotice[];
  /** The version written and its markings. */
  plan: PublicationPlan;
}

/**
 * Pack JSON → .docx bytes, in plain Node (no DOM). The contents' page numbers are laid out
 * with docx/layout, loaded only when a contents table is wanted, so short exports stay fast.
 */
export async function exportPackToDocx(input: ExportInput): Promise<ExportOutput> {
  // Text XML cannot hold (U+FFFF, unpaired surrogates…) would make Word refuse the file.
  const branding = xmlSafeDeep(brandingSchema.parse(input.branding ?? {}));
  const options = exportOptionsSchema.parse(input.options ?? {});
  const pack = xmlSafeDeep(input.pack);
  assertReviewModeAllowed(pack, options);
  const plan = planPublication(pack, options.version, branding);
  const total = plan.pack.sections.length;
  let pageNumbers;
  if (wantsTableOfContents(plan.pack, options) && wantsPageNumbers(plan.pack, options.tocPageNumbers)) {
    pageNumbers = (await import('docx/layout')).estimatePageNumbers;
  }
  const { document, notices } = buildDocument({
    pack: plan.pack,
    plan,
    branding,
    options,
    authorName: input.authorName === undefined ? undefined : xmlSafeText(input.authorName),
    pageNumbers,
    onProgress: (done) => input.onProgress?.('sections', done, total),
  });
  input.onProgress?.('writing', total, total);
  const buffer = await packDocx(document, plan.version === 'public' && plan.hasExemptInformation ? (parts) => assertNoExemptWords(pack, parts) : undefined);
  return { buffer, notices, plan };
}
