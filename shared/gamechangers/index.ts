/**
 * The five "gamechangers" named in the Convention of the North / NP11 collective offer
 * to Government (October 2021). Statements and prompts are our own plain-English wording.
 * Guidance is context for the author only: it is never part of section content or export.
 */
export const GAMECHANGER_IDS = [
  'green-industrial-revolution',
  'healthy-life-expectancy',
  'education-and-skills',
  'connectivity',
  'research-and-development',
] as const;

export type GamechangerId = (typeof GAMECHANGER_IDS)[number];

export interface Gamechanger {
  id: GamechangerId;
  /** The gamechanger's name as published. */
  title: string;
  /** A short badge label for lists. */
  shortName: string;
  /** What the gamechanger is about, in our words. */
  statement: string;
  /** What a local angle on it usually covers. */
  covers: string;
}

export const GAMECHANGERS: readonly Gamechanger[] = [
  {
    id: 'green-industrial-revolution',
    title: 'Leading the Green Industrial Revolution',
    shortName: 'Green industry',
    statement:
      'The North wants to lead the move to a Net Zero economy: new low-carbon industries, the jobs and skills they need, and making the most of its coast, energy and natural assets.',
    covers: 'Local low-carbon industry, jobs and skills for Net Zero, coast and natural assets, retrofit of homes and buildings, energy.',
  },
  {
    id: 'healthy-life-expectancy',
    title: 'Closing the healthy life expectancy gap between North and South through innovation',
    shortName: 'Healthy lives',
    statement:
      'People in the North live fewer years in good health than people in the South, and COVID-19 made that gap plain. Poorer health also explains a large part of the North\u2019s lower productivity. The offer is to close the gap through prevention, better care and health innovation.',
    covers: 'Local health inequalities, prevention, care, health innovation and how health links to work and the economy.',
  },
  {
    id: 'education-and-skills',
    title: 'Closing the education and skills gap',
    shortName: 'Education and skills',
    statement:
      'Children in the North fall behind from an early age, and adults have fewer chances to train and retrain. The offer is to close the attainment gap and build the skills local employers need.',
    covers: 'The attainment gap, adult skills, apprenticeships, links between schools, colleges and employers.',
  },
  {
    id: 'connectivity',
    title: 'Improving connectivity in towns and cities in the North',
    shortName: 'Connectivity',
    statement:
      'Towns and cities in the North are poorly connected to each other, by road, rail and broadband. Better transport and digital links, and town-centre regeneration, would widen access to jobs and services.',
    covers: 'Transport, digital connectivity, town-centre regeneration.',
  },
  {
    id: 'research-and-development',
    title: 'Increasing private and public investment in R&D spending in the North',
    shortName: 'R&D investment',
    statement:
      'Public and private research spending is concentrated in the Greater South East. The Levelling Up White Paper commits to raise public R&D outside it by at least 40% by 2030; the North wants a fair share, working with its universities and businesses.',
    covers: 'Universities, innovation, business research and development, investment asks.',
  },
];

/** The questions a member answers on each gamechanger: the local angle and its parts. */
export const LOCAL_ANGLE_PROMPTS: readonly string[] = [
  'The local angle: what does this gamechanger mean for our borough, in a few sentences?',
  'Local evidence: which facts and figures show it? A small table often works best.',
  'What we ask of Government: be specific about money, powers or decisions.',
  'What we offer in return: what the council and its partners will do.',
  'Risks: what could stop it happening, and what we would do about it.',
  'Wards affected: which wards or communities feel this most?',
];

/** Background facts useful as context in guidance (paraphrased). */
export const NORTH_CONTEXT =
  'Context: the North is home to about 15.6 million people and produces around a fifth of England\u2019s output.';

export function findGamechanger(id: string | undefined): Gamechanger | undefined {
  return GAMECHANGERS.find((g) => g.id === id);
}
