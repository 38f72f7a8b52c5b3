import { newPack, newSection } from '../../shared/pack/defaults.js';
import { editorStateFromParagraphs } from '../../shared/richtext/editorState.js';
import { packSchema, type Pack } from '../../shared/pack/schema.js';

/**
 * The pack the crash test saves as version `n`: large (about `sizeKb` of JSON), and
 * different in every version (the front-sheet version field and one section change), so a
 * file on disk can be matched to exactly one version.
 */
export function crashTestPack(n: number, sizeKb = 1024): Pack {
  const sectionCount = 40;
  const paragraphsPerSection = Math.max(1, Math.round((sizeKb * 1024) / sectionCount / 720));
  const sections = Array.from({ length: sectionCount }, (_, s) => {
    const paragraphs = Array.from({ length: paragraphsPerSection }, (_, p) =>
      `Section ${s + 1}, paragraph ${p + 1}: the council will set out how the green industries programme supports jobs in Bootle and Southport, with costs, risks and the timetable for delivery.${s === n % sectionCount && p === 0 ? ` Revision ${n}.` : ''}`,
    );
    const section = newSection(`Section ${s + 1}`, { content: editorStateFromParagraphs(paragraphs) });
    return { ...section, id: `section-${s + 1}` };
  });
  const pack = newPack({ title: 'Crash test pack', version: String(n) }, sections, new Date('2026-11-01T09:00:00.000Z'));
  return { ...pack, id: 'crash-test-pack' };
}

/** The parts of a pack that identify a version (updatedAt is set by each save). */
export function versionKey(raw: Pack): string {
  // Normalise key order the way the serialiser does, so equal packs give equal keys.
  const pack = packSchema.parse(raw);
  return JSON.stringify({ frontSheet: pack.frontSheet, sections: pack.sections, id: pack.id, createdAt: pack.createdAt });
}
