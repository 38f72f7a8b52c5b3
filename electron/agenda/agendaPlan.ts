import type { Branding } from '../../shared/branding/schema.js';
import type { Pack } from '../../shared/pack/schema.js';
import { CLASSIFICATIONS } from '../../shared/pack/vocabulary.js';
import { DEFAULT_DRAFT_WORDING, type PublicationVersion } from '../../shared/publication/versions.js';
import { longDate } from '../export/frontSheet.js';
import { planPublication, type PublicationPlan } from '../export/publication/plan.js';

/**
 * A meeting's agenda pack: the agenda page listing the numbered items, then each report in its
 * version (public: exempt items and parts withheld with their notices; full: everything,
 * exempt pages marked NOT FOR PUBLICATION), with page numbers running through the whole pack.
 */
export interface AgendaItem {
  number: number;
  /** "Item 3" */
  label: string;
  plan: PublicationPlan;
  /** The original pack (the leak guard compares the output with it). */
  original: Pack;
}

export interface AgendaPlan {
  meeting: string;
  /** YYYY-MM-DD */
  date: string;
  version: PublicationVersion;
  items: AgendaItem[];
  /** "Cabinet, 3 December 2026: agenda pack" */
  title: string;
  /** The agenda page's marking: the highest classification of its reports. */
  marking: string;
  /** DRAFT when any report in it is not approved: the pack as a whole is not final. */
  draft: string | null;
  hasExemptInformation: boolean;
}

export function planAgenda(input: { meeting: string; date: string; packs: Pack[]; version: PublicationVersion; branding: Pick<Branding, 'draftWording'> }): AgendaPlan {
  const items = input.packs.map((pack, i): AgendaItem => ({ number: i + 1, label: `Item ${i + 1}`, plan: planPublication(pack, input.version, input.branding), original: pack }));
  const rank = (c: string) => CLASSIFICATIONS.indexOf(c as (typeof CLASSIFICATIONS)[number]);
  const highest = items.reduce((best, item) => (rank(item.original.frontSheet.classification) > rank(best) ? item.original.frontSheet.classification : best), 'OFFICIAL');
  const meeting = input.meeting.trim() || 'Meeting';
  const when = longDate(input.date);
  return {
    meeting,
    date: input.date,
    version: input.version,
    items,
    title: `${meeting}${when ? `, ${when}` : ''}: agenda pack`,
    marking: highest.toUpperCase(),
    draft: items.some((i) => i.plan.draft) ? (input.branding.draftWording?.trim() || DEFAULT_DRAFT_WORDING) : null,
    hasExemptInformation: items.some((i) => i.plan.hasExemptInformation),
  };
}

/** "Thursday 3 December 2026" */
export function meetingDay(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return '';
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))).getUTCDay();
  return `${['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][day]} ${longDate(iso)}`;
}

/** What the agenda page says under an item's title. */
export function itemNote(item: AgendaItem, version: PublicationVersion): string {
  const sheet = item.plan.pack.frontSheet;
  const parts = [sheet.reportOf.trim() && `Report of ${sheet.reportOf.trim()}`, sheet.keyDecision.isKeyDecision ? 'Key decision' : ''].filter(Boolean);
  const status = item.plan.status;
  if (status.kind === 'exempt') {
    const para = status.paragraph ? `paragraph ${status.paragraph}` : 'Schedule 12A';
    parts.push(version === 'public' ? `Exempt (${para}): not for publication; the report is withheld` : `Exempt (${para}): NOT FOR PUBLICATION`);
  } else if (status.kind === 'part-exempt') {
    const list = status.parts.map((p) => `${p.label} (paragraph ${p.exemptParagraph})`).join(', ');
    parts.push(version === 'public' ? `Part exempt: ${list} withheld` : `Part exempt: ${list} NOT FOR PUBLICATION`);
  }
  if (item.plan.draft) parts.push(item.plan.draft);
  return parts.join(' · ');
}

/** Words the agenda pack prints itself (for the leak guard). */
export const AGENDA_FURNITURE = ['Agenda', 'agenda pack', 'Item', 'Report of', 'Key decision', 'Exempt', 'Part exempt', 'withheld', 'NOT FOR PUBLICATION', 'not for publication', 'the report is', 'Public version', 'Full version', 'exempt items', 'parts', 'are', 'and', 'marked', 'Monday Tuesday Wednesday Thursday Friday Saturday Sunday', 'Meeting'];
