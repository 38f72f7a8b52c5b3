import { describe, it } from 'vitest';
import { makeAgendaPacks } from '../../electron/agenda/exportAgenda.js';
import { exportPackToDocx } from '../../electron/export/exportPack.js';
import { agendaPacks } from '../fixtures/publication/agendaPacks.js';
import { plantedPack, wholeExemptPack } from '../fixtures/publication/plantedPack.js';
import { expectValidDocx } from '../support/ooxml/validateDocx.js';

/**
 * Every Word file publishing writes is valid OOXML, part by part (tests/support/ooxml): the
 * public and full versions of a part-exempt draft and of an exempt report (with their several
 * Word sections, NOT FOR PUBLICATION headers and notices), and the public and full agenda packs
 * (agenda page with PAGEREF fields and internal links, a section run per report).
 */
describe('publishing writes schema-valid Word files', () => {
  for (const version of ['public', 'full'] as const) {
    it(`${version} version of a part-exempt draft, with contents`, { timeout: 60_000 }, async () => {
      expectValidDocx((await exportPackToDocx({ pack: plantedPack('draft'), options: { version, tableOfContents: 'always' } })).buffer);
    });
    it(`${version} version of a report exempt as a whole`, { timeout: 60_000 }, async () => {
      expectValidDocx((await exportPackToDocx({ pack: wholeExemptPack(), options: { version } })).buffer);
    });
  }
  it('public and full agenda packs of three reports (one exempt)', { timeout: 120_000 }, async () => {
    const { files } = await makeAgendaPacks({ meeting: 'Cabinet', date: '2026-12-03', packs: agendaPacks(), versions: ['public', 'full'], formats: ['docx'] });
    for (const file of files) expectValidDocx(file.buffer);
  });
});
