import type { DocxBlock, DocxHeaderFooter, DocxParagraph, DocxProperties } from '../docx/types.js';
import { defaultFrontSheet } from '../../shared/pack/defaults.js';
import type { FrontSheet } from '../../shared/pack/schema.js';
import type { FillSource, FrontSheetFieldKey, FrontSheetFill, FrontSheetPatch } from '../../shared/import/types.js';
import { longDate } from '../export/frontSheet.js';
import { answer, classificationIn, contactDetails, findDate, forwardPlanRef, schedule12aParagraph, wardList, yesNo } from './frontSheetValues.js';

/**
 * A council report's front matter: labelled lines ("Report to: Cabinet") or a table of label
 * and answer, before the first heading; the protective marking in the page headers; the
 * classification and version our own export stores as document properties. Each answer fills
 * the front-sheet field its label names (the first answer wins), and is reported with the
 * text it came from. Blocks that were read as front matter are returned so the body leaves
 * them out; table rows that named nothing are handed back as lines, so no text is lost.
 */
type Label = 'meeting' | 'date' | 'reportOf' | 'cabinetMember' | 'wards' | 'keyDecision' | 'forwardPlan' | 'exempt' | 'contact' | 'phone' | 'email' | 'classification' | 'version' | 'status' | 'title';

const LABELS: Array<[Label, RegExp]> = [
  ['date', /^(date of (the )?meeting|meeting date|date of decision|decision date|date)$/],
  ['meeting', /^(report to|meeting|meeting of|committee|decision[- ]?maker|decision[- ]?taker|to|report to \/ meeting|meeting \/ report to)$/],
  ['reportOf', /^(report of|report from|report by|from|lead director|responsible director|director)$/],
  ['cabinetMember', /^(lead cabinet member|cabinet member|cabinet members|lead member|portfolio|portfolios|portfolio holder|cabinet portfolio|relevant portfolio holder|portfolio \/ cabinet member|cabinet member \/ portfolio)$/],
  ['wards', /^(wards? affected|wards?|ward\(s\)( affected)?|electoral wards?( affected)?)$/],
  ['forwardPlan', /^(forward plan( reference| ref| no| number)?|included (in|on) (the )?forward plan|fp ref(erence)?)$/],
  ['keyDecision', /^(key decision|is (this|it) a key decision|key decision \(yes\/no\))$/],
  ['exempt', /(exempt|confidential|schedule 12a|not for publication|public or exempt|part (1|i) or part (2|ii))/],
  ['contact', /^(contact officer|contact officers|contact|contact details|report author|author|officer contact|lead officer|report contact)$/],
  ['phone', /^(tel|tel no|telephone|telephone number|phone|phone number|contact number)$/],
  ['email', /^(e-?mail|e-?mail address)$/],
  ['classification', /^(classification|security classification|protective marking|marking|government security classification)$/],
  ['version', /^(version|version number|document version|version no)$/],
  ['status', /^(status|document status|report status)$/],
  ['title', /^(title|report title|title of report|subject|subject of report)$/],
];

function labelOf(raw: string): Label | null {
  const key = raw
    .toLowerCase()
    .replace(/[*:?]+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!key || key.length > 60) return null;
  for (const [label, pattern] of LABELS) if (pattern.test(key)) return label;
  return null;
}

/** "Label: answer", "Label<tab>answer", or a bold label followed by plain text. */
export function splitLabelled(p: DocxParagraph): { label: string; value: string } | null {
  const text = p.accepted;
  const colon = /^([^:\t\n]{1,60}?)\s*[:\t]\s*([\s\S]*)$/.exec(text);
  if (colon && colon[1]!.split(/\s+/).length <= 8) return { label: colon[1]!, value: colon[2]! };
  const first = p.inlines[0];
  if (first?.kind === 'text' && first.marks.bold && first.text.length < text.length) {
    const rest = text.slice(first.text.length);
    if (rest.trim() && !p.inlines.slice(1).some((i) => i.kind === 'text' && i.marks.bold)) return { label: first.text, value: rest };
  }
  return null;
}

export interface FrontMatterResult {
  patch: Partial<FrontSheetPatch>;
  fills: FrontSheetFill[];
  /** Blocks read as front matter (left out of the body). */
  consumed: Set<DocxBlock>;
  /** Table rows that matched no field, as "Label: answer" lines, in place of their table. */
  keptLines: Map<DocxBlock, string[]>;
  /** The document said this status (the imported pack starts as a draft). */
  statusText: string | null;
}

class Filler {
  readonly sheet: FrontSheet = defaultFrontSheet('');
  readonly filled = new Set<FrontSheetFieldKey>();
  readonly fills: FrontSheetFill[] = [];

  has(field: FrontSheetFieldKey): boolean {
    return this.filled.has(field);
  }

  set(field: FrontSheetFieldKey, value: string, shown: string, source: string, from: FillSource, apply: (sheet: FrontSheet) => void): boolean {
    if (this.filled.has(field) || !value) return false;
    apply(this.sheet);
    this.filled.add(field);
    this.fills.push({ field, value: shown, source: source.replace(/\s+/g, ' ').trim().slice(0, 200), from });
    return true;
  }

  patch(): Partial<FrontSheetPatch> {
    const s = this.sheet;
    const out: Partial<FrontSheetPatch> = {};
    const any = (...fields: FrontSheetFieldKey[]) => fields.some((f) => this.filled.has(f));
    if (any('title')) out.title = s.title;
    if (any('meeting.name', 'meeting.date')) out.meeting = s.meeting;
    if (any('reportOf')) out.reportOf = s.reportOf;
    if (any('leadCabinetMember')) out.leadCabinetMember = s.leadCabinetMember;
    if (any('contactOfficer.name', 'contactOfficer.phone', 'contactOfficer.email')) out.contactOfficer = s.contactOfficer;
    if (any('wardsAffected')) out.wardsAffected = s.wardsAffected;
    if (any('keyDecision.isKeyDecision', 'keyDecision.forwardPlanRef')) out.keyDecision = s.keyDecision;
    if (any('access.exempt', 'access.schedule12aParagraph')) out.access = s.access;
    if (any('classification')) out.classification = s.classification;
    if (any('version')) out.version = s.version;
    return out;
  }
}

/** Apply one labelled answer; true when it filled (or confirmed) a field. */
function applyAnswer(f: Filler, label: Label, rawValue: string, source: string, from: FillSource, status: { text: string | null }): boolean {
  const value = answer(rawValue);
  switch (label) {
    case 'meeting': {
      const date = findDate(value);
      const name = (date ? value.replace(date.match, '') : value).replace(/[\s,–-]+$/, '').replace(/^[\s,–-]+/, '').trim();
      const a = f.set('meeting.name', name.slice(0, 200), name, source, from, (s) => (s.meeting.name = name.slice(0, 200)));
      const b = date ? f.set('meeting.date', date.iso, longDate(date.iso), source, from, (s) => (s.meeting.date = date.iso)) : false;
      return a || b || value === '';
    }
    case 'date': {
      const date = findDate(value);
      return date ? f.set('meeting.date', date.iso, longDate(date.iso), source, from, (s) => (s.meeting.date = date.iso)) : value === '';
    }
    case 'reportOf':
      return f.set('reportOf', value, value, source, from, (s) => (s.reportOf = value.slice(0, 200))) || value === '';
    case 'cabinetMember':
      return f.set('leadCabinetMember', value, value, source, from, (s) => (s.leadCabinetMember = value.slice(0, 200))) || value === '';
    case 'wards': {
      const wards = wardList(value);
      return wards.length ? f.set('wardsAffected', wards.join(', '), wards.join(', '), source, from, (s) => (s.wardsAffected = wards)) : value === '';
    }
    case 'keyDecision': {
      const yes = yesNo(value);
      if (yes === null) return false;
      f.set('keyDecision.isKeyDecision', yes ? 'yes' : 'no', yes ? 'Yes' : 'No', source, from, (s) => (s.keyDecision.isKeyDecision = yes));
      const ref = yes && /forward\s+plan|ref/i.test(value) ? forwardPlanRef(value) : null;
      if (ref) f.set('keyDecision.forwardPlanRef', ref, ref, source, from, (s) => (s.keyDecision.forwardPlanRef = ref.slice(0, 100)));
      return true;
    }
    case 'forwardPlan': {
      if (yesNo(value) === false) return true;
      const ref = forwardPlanRef(value.replace(/^yes\b[\s,:–-]*/i, ''));
      return ref ? f.set('keyDecision.forwardPlanRef', ref, ref, source, from, (s) => (s.keyDecision.forwardPlanRef = ref.slice(0, 100))) : false;
    }
    case 'exempt': {
      const para = schedule12aParagraph(value);
      const yes = yesNo(value) ?? (para !== null || /not for publication/i.test(value) ? true : null);
      if (yes === null) return false;
      f.set('access.exempt', yes ? 'yes' : 'no', yes ? 'Yes' : 'No', source, from, (s) => (s.access.exempt = yes));
      if (yes && para) f.set('access.schedule12aParagraph', String(para), `Paragraph ${para}`, source, from, (s) => (s.access.schedule12aParagraph = para));
      return true;
    }
    case 'contact': {
      const c = contactDetails(value);
      const a = f.set('contactOfficer.name', c.name, c.name, source, from, (s) => (s.contactOfficer.name = c.name.slice(0, 200)));
      const b = f.set('contactOfficer.phone', c.phone, c.phone, source, from, (s) => (s.contactOfficer.phone = c.phone));
      const d = f.set('contactOfficer.email', c.email, c.email, source, from, (s) => (s.contactOfficer.email = c.email));
      return a || b || d || value === '';
    }
    case 'phone': {
      const phone = contactDetails(`Tel: ${value}`).phone;
      return f.set('contactOfficer.phone', phone, phone, source, from, (s) => (s.contactOfficer.phone = phone));
    }
    case 'email': {
      const email = contactDetails(value).email;
      return f.set('contactOfficer.email', email, email, source, from, (s) => (s.contactOfficer.email = email));
    }
    case 'classification': {
      const c = classificationIn(value);
      return c ? f.set('classification', c, c, source, from, (s) => (s.classification = c)) : false;
    }
    case 'version':
      return f.set('version', value, value, source, from, (s) => (s.version = value.slice(0, 40))) || value === '';
    case 'status':
      if (value) status.text = value;
      return true;
    case 'title':
      return f.set('title', value, value, source, from, (s) => (s.title = value.slice(0, 300)));
  }
}

function cellText(blocks: DocxBlock[]): string {
  return blocks
    .map((b) => (b.kind === 'paragraph' ? b.accepted : cellText(b.rows.flatMap((r) => r.cells.flatMap((c) => c.blocks)))))
    .join('\n')
    .trim();
}

export function readFrontMatter(region: DocxBlock[], headers: DocxHeaderFooter[], properties: DocxProperties): FrontMatterResult {
  const f = new Filler();
  const consumed = new Set<DocxBlock>();
  const keptLines = new Map<DocxBlock, string[]>();
  const status = { text: null as string | null };
  for (const block of region) {
    if (block.kind === 'paragraph') {
      const split = splitLabelled(block);
      const label = split ? labelOf(split.label) : null;
      if (split && label && applyAnswer(f, label, split.value, block.accepted, 'paragraph', status)) consumed.add(block);
      continue;
    }
    // A table of label | answer rows is a front sheet when at least two of its labels are known.
    const rows = block.rows.filter((r) => r.revision?.kind !== 'deletion' && r.cells.length >= 2);
    const labelled = rows.map((r) => ({ label: labelOf(cellText(r.cells[0]!.blocks)), row: r }));
    if (labelled.filter((l) => l.label).length < 2) continue;
    consumed.add(block);
    const kept: string[] = [];
    for (const row of block.rows) {
      if (row.revision?.kind === 'deletion') continue;
      const label = row.cells.length >= 2 ? labelOf(cellText(row.cells[0]!.blocks)) : null;
      const labelText = cellText(row.cells[0]?.blocks ?? []);
      const value = row.cells.slice(1).map((c) => cellText(c.blocks)).filter(Boolean).join('\n');
      const source = `${labelText.replace(/[:\s]+$/, '')}: ${value}`;
      if (!(label && applyAnswer(f, label, value, source, 'table', status))) {
        const line = [labelText.replace(/[:\s]+$/, ''), value].filter(Boolean).join(': ');
        if (line.trim()) kept.push(line);
      }
    }
    if (kept.length) keptLines.set(block, kept);
  }
  // The protective marking printed in the page headers (and footers), when the front sheet did not say.
  for (const h of headers) {
    const c = classificationIn(h.text);
    if (c) f.set('classification', c, c, h.text, h.kind, (s) => (s.classification = c));
    if (/not for publication/i.test(h.text)) {
      f.set('access.exempt', 'yes', 'Yes', h.text, h.kind, (s) => (s.access.exempt = true));
      const para = schedule12aParagraph(h.text);
      if (para) f.set('access.schedule12aParagraph', String(para), `Paragraph ${para}`, h.text, h.kind, (s) => (s.access.schedule12aParagraph = para));
    }
  }
  // Our own export records these as document properties.
  const classification = classificationIn(properties.custom.Classification ?? '');
  if (classification) f.set('classification', classification, classification, `Classification: ${properties.custom.Classification}`, 'properties', (s) => (s.classification = classification));
  const version = answer(properties.custom.Version ?? '');
  if (version) f.set('version', version, version, `Version: ${properties.custom.Version}`, 'properties', (s) => (s.version = version.slice(0, 40)));
  return { patch: f.patch(), fills: f.fills, consumed, keptLines, statusText: status.text };
}
