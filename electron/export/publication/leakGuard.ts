import { HostError } from '../../../shared/api/errors.js';
import { accessStatus, packParts } from '../../../shared/pack/parts.js';
import { SCHEDULE_12A_CITATION, SCHEDULE_12A_WORDING } from '../../../shared/pack/schedule12a.js';
import type { Pack } from '../../../shared/pack/schema.js';
import { CLASSIFICATIONS, STATUS_LABELS } from '../../../shared/pack/vocabulary.js';
import type { SerializedNodeJson } from '../../../shared/richtext/serialized.js';
import { plainTextOf } from '../../../shared/richtext/plainText.js';
import { DEFAULT_DRAFT_WORDING } from '../../../shared/publication/versions.js';

/**
 * The public version's last line of defence. The plan (plan.ts) already gives the writers a
 * pack with no exempt words in it; this checks the finished output as well, before it is
 * written anywhere: every word that is found only in exempt parts of the original pack (their
 * titles, text, tables, lists, alt text, links, and the comments and suggestions on them) is
 * looked for in every part of the file, and a single one found stops the export.
 */

/** The words the exporters print themselves, so an exempt part using them is no leak. */
const FURNITURE = [
  'Page of Version Contents Untitled briefing section Not set All Yes No Tel Email Forward Plan reference',
  'Meeting Report of Lead cabinet member Contact officer Wards affected Key decision Exempt information Classification Status',
  'this report is open to the public not for publication by virtue of paragraph under to be confirmed',
  'Part exempt are is the rest of report exempt parts included in this version Appendix Section Item Agenda agenda pack',
  'because it contains exempt information NOT FOR PUBLICATION Schedule 12A Local Government Act 1972 Briefing Studio Logo Picture',
  'Draft Approved Public version withheld Full includes Language en-GB Briefing pack for meeting items reports',
  'January February March April May June July August September October November December',
  SCHEDULE_12A_CITATION,
  DEFAULT_DRAFT_WORDING,
  ...Object.values(SCHEDULE_12A_WORDING),
  ...Object.values(STATUS_LABELS),
  ...CLASSIFICATIONS,
].join(' ');

/** Words worth checking: four or more characters with a letter, or long numbers (amounts, references). */
export function tokensOf(text: string, into = new Set<string>()): Set<string> {
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    const token = match[0];
    if (token.length >= 4 && (/\p{L}/u.test(token) || token.length >= 6)) into.add(token);
  }
  return into;
}

/**
 * Every string a piece of rich text can show or carry: its text as a reader sees it (runs of
 * one paragraph joined, as in the written file), alt text, link targets, titles.
 */
function collectStrings(node: SerializedNodeJson, out: string[]): void {
  out.push(plainTextOf({ root: { type: 'root', children: [node] } }));
  const stack: SerializedNodeJson[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    for (const key of ['altText', 'url', 'title', 'caption'] as const) {
      const value = (n as Record<string, unknown>)[key];
      if (typeof value === 'string') out.push(value);
    }
    if (Array.isArray(n.children)) stack.push(...n.children);
  }
}

/** The words of the exempt parts of a pack that appear nowhere it may legitimately print. */
export function exemptOnlyWords(pack: Pack, allowed: readonly string[] = []): Set<string> {
  const status = accessStatus(pack);
  if (status.kind === 'public') return new Set();
  const exemptIds = new Set(status.kind === 'exempt' ? pack.sections.map((s) => s.id) : packParts(pack.sections).filter((p) => p.exemptParagraph !== null).map((p) => p.sectionId));
  const secret: string[] = [];
  const open: string[] = [FURNITURE, ...allowed];
  const sheet = pack.frontSheet;
  open.push(sheet.title, sheet.meeting.name, sheet.reportOf, sheet.leadCabinetMember, sheet.contactOfficer.name, sheet.contactOfficer.email, sheet.contactOfficer.phone, sheet.keyDecision.forwardPlanRef, sheet.version, ...sheet.wardsAffected);
  for (const section of pack.sections) {
    const into = exemptIds.has(section.id) ? secret : open;
    into.push(section.title);
    collectStrings(section.content.root, into);
  }
  // Review work on exempt parts is as secret as the parts (it quotes and discusses them).
  const review = pack.review;
  for (const thread of Object.values(review.threads)) {
    if (!exemptIds.has(thread.sectionId)) continue;
    secret.push(thread.quote);
    for (const comment of Object.values(review.comments)) if (comment.threadId === thread.id) secret.push(comment.text);
  }
  for (const suggestion of Object.values(review.suggestions)) if (exemptIds.has(suggestion.sectionId)) secret.push(suggestion.text);
  const openTokens = tokensOf(open.join(' '));
  const words = tokensOf(secret.join(' '));
  for (const token of openTokens) words.delete(token);
  return words;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * The readable text of an XML or HTML part: element text (words split over runs joined, blocks
 * kept apart) and the attributes that hold words a reader or a tool shows: alt text, titles,
 * names, link targets, bookmarks, content of <meta>.
 */
export function visibleText(markup: string): string {
  const attributes: string[] = [];
  for (const m of markup.matchAll(/\s(?:descr|title|name|alt|href|Target|w:name|w:author|w:initials|content|aria-label)\s*=\s*("[^"]*"|'[^']*')/g)) {
    attributes.push(m[1]!.slice(1, -1));
  }
  const text = markup
    .replace(/<\/(?:w:p|w:tc|p|h[1-6]|li|td|th|div|section|caption|figcaption|title|dt|dd|tr)>|<(?:w:br|w:tab|w:cr|br)\b[^>]*>/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/gi, ' ')
    // Inside Word paragraphs runs are joined (a word can be split over runs); other tags separate.
    .replace(/<\/?w:(?:r|t|rPr|hyperlink|bookmarkStart|bookmarkEnd|proofErr|ins|del|delText)\b[^>]*>/g, '')
    .replace(/<[^>]*>/g, ' ');
  return decodeEntities(`${text} ${attributes.join(' ')}`);
}

export interface LeakFinding {
  part: string;
  word: string;
}

/** Exempt-only words found in the given parts (XML/HTML as text; pictures compared by bytes). */
export function findLeaks(parts: Map<string, string | Uint8Array>, words: Set<string>): LeakFinding[] {
  const found: LeakFinding[] = [];
  if (words.size === 0) return found;
  for (const [part, data] of parts) {
    if (typeof data !== 'string' && !/\.(xml|rels|html?)$/i.test(part)) continue;
    const text = typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
    for (const token of tokensOf(visibleText(text))) if (words.has(token)) found.push({ part, word: token });
  }
  return found;
}

/** Pictures that appear only in exempt parts, as base64 payloads of their data URLs. */
function exemptOnlyPictures(pack: Pack): Set<string> {
  const status = accessStatus(pack);
  const exemptIds = new Set(status.kind === 'exempt' ? pack.sections.map((s) => s.id) : packParts(pack.sections).filter((p) => p.exemptParagraph !== null).map((p) => p.sectionId));
  const secret = new Set<string>();
  const open = new Set<string>();
  for (const section of pack.sections) {
    const strings: string[] = [];
    const stack: SerializedNodeJson[] = [section.content.root];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.type === 'image' && typeof n.src === 'string') strings.push(n.src.slice(n.src.indexOf(',') + 1));
      if (Array.isArray(n.children)) stack.push(...n.children);
    }
    for (const s of strings) (exemptIds.has(section.id) ? secret : open).add(s);
  }
  for (const s of open) secret.delete(s);
  return secret;
}

/** The strings a (public) pack may print: front sheet and every section, for an agenda pack's guard. */
export function packStrings(pack: Pack): string[] {
  const sheet = pack.frontSheet;
  const out = [sheet.title, sheet.meeting.name, sheet.reportOf, sheet.leadCabinetMember, sheet.contactOfficer.name, sheet.contactOfficer.email, sheet.contactOfficer.phone, sheet.keyDecision.forwardPlanRef, sheet.version, ...sheet.wardsAffected];
  for (const section of pack.sections) {
    out.push(section.title);
    collectStrings(section.content.root, out);
  }
  return out;
}

/**
 * Throws (and so nothing is written) when a public version's parts hold anything exempt.
 * Several originals (an agenda pack): a word exempt in one report may be public in another.
 */
export function assertNoExemptWords(original: Pack | readonly Pack[], parts: Map<string, string | Uint8Array>, allowed: readonly string[] = []): void {
  const originals = Array.isArray(original) ? original : [original as Pack];
  const words = new Set<string>();
  for (const pack of originals) for (const w of exemptOnlyWords(pack, allowed)) words.add(w);
  const leaks = findLeaks(parts, words);
  const pictures = new Set<string>();
  for (const pack of originals) for (const p of exemptOnlyPictures(pack)) pictures.add(p);
  if (pictures.size) {
    for (const [part, data] of parts) {
      if (typeof data === 'string' || !/^word\/media\//.test(part)) continue;
      if (pictures.has(Buffer.from(data).toString('base64'))) leaks.push({ part, word: '(a picture from an exempt part)' });
    }
  }
  if (leaks.length === 0) return;
  // The words themselves are not repeated here: messages end up in logs.
  throw new HostError(
    'UNKNOWN',
    `The public version was not written: a final check found words from an exempt part in it (${leaks.length} place${leaks.length === 1 ? '' : 's'}). Nothing was saved. Please report this to your IT team; the full version can still be exported.`,
  );
}
