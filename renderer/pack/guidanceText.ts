import type { Gamechanger } from '../../shared/gamechangers/index.js';

/**
 * The template's own guidance lines, less those that repeat what the guidance panel already
 * shows from the gamechanger (its statement, what a local angle usually covers, the prompts):
 * the gamechangers template carries them too, and the panel should say each thing once.
 */
export function extraGuidanceLines(guidance: string, gamechanger: Gamechanger | undefined, prompts: readonly string[]): string[] {
  const lines = guidance
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (!gamechanger) return lines;
  const norm = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  const shown = [gamechanger.statement, gamechanger.covers, ...prompts].map(norm).filter(Boolean);
  return lines.filter((line) => {
    const n = norm(line);
    return !shown.some((s) => n === s || n.includes(s));
  });
}
