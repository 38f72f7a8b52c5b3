import type { Pack } from '../../shared/pack/schema.js';
import { editorStateFromParagraphs } from '../../shared/richtext/editorState.js';
import { gamechangerPack } from './editorPage.js';

/**
 * A pack that fills the pack screen the way a real one does: a long title, long sections (so
 * the editor, the outline and the guidance each have something to scroll) and a word limit.
 */
export function longScreenPack(title = 'Sefton Council local angles on the North’s five gamechangers for the Cabinet meeting of December with a very long title that cannot fit'): Pack {
  const pack = gamechangerPack(title);
  pack.frontSheet.meeting = { name: 'Cabinet', date: '2026-12-03' };
  const paragraph = (n: number) =>
    `Paragraph ${n}. Sefton’s ports, coast and communities give the borough a clear local angle on this gamechanger: what it means for residents, the evidence we hold and what we ask of Government, with the risks set out plainly for members.`;
  for (const [i, section] of pack.sections.entries()) {
    section.wordLimit = 1500;
    section.content = editorStateFromParagraphs(Array.from({ length: i === 0 ? 40 : 6 }, (_, n) => paragraph(n + 1)));
  }
  // More sections than the outline can show at 1024×640, so it scrolls as well.
  for (let n = 1; n <= 8; n++) pack.sections.push({ ...structuredClone(pack.sections[4]!), id: `extra-${n}`, title: `Appendix ${n}: ward by ward evidence`, gamechangerId: undefined });
  return pack;
}
