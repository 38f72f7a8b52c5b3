import { SCHEDULE_12A_PARAGRAPHS } from './vocabulary.js';

/**
 * Schedule 12A to the Local Government Act 1972, Part 1 (England): the seven descriptions of
 * exempt information, in the statute's own words. A report, or a part of one, that holds such
 * information may be withheld from the public (subject to the public interest test in Part 2,
 * paragraph 10). Plain constants so the renderer shows them without loading the schemas.
 */
export type Schedule12aParagraph = (typeof SCHEDULE_12A_PARAGRAPHS)[number];

export const SCHEDULE_12A_WORDING: Record<Schedule12aParagraph, string> = {
  1: 'Information relating to any individual.',
  2: 'Information which is likely to reveal the identity of an individual.',
  3: 'Information relating to the financial or business affairs of any particular person (including the authority holding that information).',
  4: 'Information relating to any consultations or negotiations, or contemplated consultations or negotiations, in connection with any labour relations matter arising between the authority or a Minister of the Crown and employees of, or office holders under, the authority.',
  5: 'Information in respect of which a claim to legal professional privilege could be maintained in legal proceedings.',
  6: 'Information which reveals that the authority proposes (a) to give under any enactment a notice under or by virtue of which requirements are imposed on a person; or (b) to make an order or direction under any enactment.',
  7: 'Information relating to any action taken or to be taken in connection with the prevention, investigation or prosecution of crime.',
};

export const SCHEDULE_12A_CITATION = 'Part 1 of Schedule 12A to the Local Government Act 1972';

/** "paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972" */
export function paragraphCitation(paragraph: Schedule12aParagraph): string {
  return `paragraph ${paragraph} of ${SCHEDULE_12A_CITATION}`;
}

/** The statutory wording without its full stop, to quote inside a sentence. */
export function wordingInSentence(paragraph: Schedule12aParagraph): string {
  const words = SCHEDULE_12A_WORDING[paragraph].replace(/\.$/, '');
  return words.charAt(0).toLowerCase() + words.slice(1);
}

/**
 * What the public version says in place of a withheld part: it names the part (by its label,
 * never its title, which may itself be exempt) and the paragraph, with the statute's words.
 * e.g. "Appendix B is not for publication because it contains exempt information under
 * paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972 (information relating
 * to the financial or business affairs of any particular person …)."
 */
export function withheldNotice(partName: string, paragraph: Schedule12aParagraph): string {
  return `${partName} is not for publication because it contains exempt information under ${paragraphCitation(paragraph)} (${wordingInSentence(paragraph)}).`;
}

/** The marking beside the classification on every page of an exempt part in the full version. */
export function notForPublicationMarking(paragraph: Schedule12aParagraph | null): string {
  return paragraph ? `NOT FOR PUBLICATION: Schedule 12A, paragraph ${paragraph}` : 'NOT FOR PUBLICATION: Schedule 12A';
}
