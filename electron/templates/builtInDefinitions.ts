import { GAMECHANGERS, LOCAL_ANGLE_PROMPTS, NORTH_CONTEXT } from '../../shared/gamechangers/index.js';
import { TEMPLATE_FORMAT, TEMPLATE_FORMAT_VERSION } from '../../shared/templates/format.js';
import type { Template } from '../../shared/templates/schema.js';
import { STANDARD_SIGN_OFFS } from '../../shared/clearance/vocabulary.js';

/**
 * The source of the three built-in templates in resources/templates. The .briefing-template
 * files are generated from here by `npx tsx electron/templates/writeBuiltIns.ts`, so the
 * gamechanger guidance always follows shared/gamechangers; a unit test checks they match.
 * All guidance is our own plain-English wording.
 */
const common = {
  format: TEMPLATE_FORMAT,
  formatVersion: TEMPLATE_FORMAT_VERSION,
  organisation: 'Briefing Studio',
  author: 'Briefing Studio team',
  version: '1.0',
} as const;

const PLAIN_ENGLISH = 'Write for a busy reader: short sentences, everyday words, and spell out each acronym the first time you use it.';

export const GAMECHANGERS_TEMPLATE_ID = 'builtin-gamechangers';
export const CABINET_REPORT_TEMPLATE_ID = 'builtin-cabinet-report';
export const BLANK_TEMPLATE_ID = 'builtin-blank';

const gamechangers: Template = {
  ...common,
  id: GAMECHANGERS_TEMPLATE_ID,
  name: 'The North\u2019s five gamechangers: local angles',
  description:
    'A briefing on what the Convention of the North and NP11 offer to Government means for our borough: a summary, one section for each of the five gamechangers, and recommendations.',
  frontSheet: { meeting: { name: 'Cabinet', date: '' }, wardsAffected: ['All'], classification: 'OFFICIAL' },
  signOffs: STANDARD_SIGN_OFFS.map((s) => ({ ...s })),
  sections: [
    {
      title: 'Introduction and summary',
      wordLimit: 150,
      guidance: [
        'Sum up the local angle in 120 to 150 words: what the five gamechangers mean for the borough and what Cabinet is asked to do.',
        'Context: in October 2021 the Convention of the North and the NP11 group of northern Local Enterprise Partnerships made a joint offer to Government on levelling up and Net Zero. It names five \u201cgamechangers\u201d.',
        NORTH_CONTEXT,
        'Link to our own long-term plan where it helps (for Sefton, Imagine Sefton 2030: a confident and connected borough).',
        PLAIN_ENGLISH,
      ],
    },
    ...GAMECHANGERS.map((g) => ({
      title: g.title,
      gamechangerId: g.id,
      wordLimit: 600,
      guidance: [`What this gamechanger is about: ${g.statement}`, `A local angle usually covers: ${g.covers}`, ...LOCAL_ANGLE_PROMPTS],
    })),
    {
      title: 'Recommendations',
      guidance: [
        'Number each recommendation, and make each one make sense on its own if read out of context.',
        'Start each with what Cabinet is asked to do: note, agree, endorse or approve.',
        'Say who will act on it and by when, if anyone needs to.',
      ],
    },
  ],
};

const cabinetReport: Template = {
  ...common,
  id: CABINET_REPORT_TEMPLATE_ID,
  name: 'Cabinet report',
  description:
    'The standard body of a council report to Cabinet: summary, purpose, recommendations, background, options, implications, consultation, next steps, appendices and background papers.',
  frontSheet: { meeting: { name: 'Cabinet', date: '' }, wardsAffected: ['All'], classification: 'OFFICIAL' },
  signOffs: STANDARD_SIGN_OFFS.map((s) => ({ ...s })),
  sections: [
    {
      title: 'Summary',
      wordLimit: 150,
      guidance: ['Say in 120 to 150 words what the report is about, what has happened so far and what you are asking for.', PLAIN_ENGLISH],
    },
    { title: 'Purpose of the report', wordLimit: 60, guidance: ['One or two sentences: why this report is coming to this meeting now.'] },
    {
      title: 'Recommendations',
      guidance: [
        'Number each recommendation, and make each one make sense on its own: the minutes will quote them word for word.',
        'Start each with a verb: note, agree, approve, recommend to Council, or delegate.',
        'If you ask for a decision to be delegated, name the officer or cabinet member and any conditions.',
      ],
    },
    {
      title: 'Background',
      guidance: [
        'What the reader needs to know to make the decision: previous decisions, the law or policy that applies, and the facts.',
        'Refer to earlier reports by meeting and date rather than repeating them.',
      ],
    },
    {
      title: 'Options considered and rejected',
      guidance: [
        'List the realistic options, including doing nothing.',
        'For each option you reject, give the reason in a sentence or two.',
      ],
    },
    {
      title: 'Implications',
      guidance: [
        'Financial: the cost, where the money comes from, and any effect on the budget in later years.',
        'Legal: the powers the council uses and any legal risk. Ask Legal Services to confirm the wording.',
        'Equality: the effect on people with protected characteristics, and whether an equality impact assessment was done.',
        'Climate: the effect on the council\u2019s climate emergency commitments and carbon emissions.',
        'Risk: the main risks of the decision, and of not taking it, with how each will be managed.',
      ],
    },
    {
      title: 'Consultation',
      guidance: [
        'Who was consulted (residents, partners, ward members, the Chief Finance Officer, the Monitoring Officer) and what they said.',
        'Say how the comments changed the proposal, or why they did not.',
      ],
    },
    { title: 'Next steps', guidance: ['What happens after the decision, who does it, and by when.', 'Say when the matter will come back to Cabinet, if it will.'] },
    {
      title: 'Appendices and background papers',
      guidance: [
        'List each appendix by letter and title.',
        'Background papers: list the documents you relied on that are not already published, or write \u201cThere are no background papers\u201d. Councils must list them for most reports.',
      ],
    },
  ],
};

const blank: Template = {
  ...common,
  id: BLANK_TEMPLATE_ID,
  name: 'Blank briefing',
  description: 'An empty briefing with one section. Add your own sections as you write.',
  frontSheet: {},
  signOffs: [],
  sections: [{ title: 'Briefing', guidance: ['Write your briefing here. Add, rename or reorder sections as you need.', PLAIN_ENGLISH] }],
};

/** In gallery order: the gamechangers first, as most packs start there. */
export const BUILT_IN_TEMPLATES: readonly Template[] = [gamechangers, cabinetReport, blank];

/** The file name each built-in template is stored under in resources/templates. */
export function builtInFileName(template: Template): string {
  return `${template.id.replace(/^builtin-/, '')}.briefing-template`;
}
