import { describe, expect, it } from 'vitest';
import { exportPackToDocx } from '../../electron/export/exportPack.js';
import { analyseDocx } from '../../electron/import/importDocx.js';
import { importedPack } from '../../electron/import/buildPack.js';
import type { Pack } from '../../shared/pack/schema.js';
import { makeReferencePack } from '../support/referencePack.js';
import { makeFeaturePack } from '../fixtures/export/featurePack.js';
import { firstDifference, packStructure } from '../support/packStructure.js';

/**
 * Point 5 of the import issue: a pack exported to Word by our own exporter and imported again
 * has the same sections, headings, lists, tables, links, pictures (with alt text) and
 * front-sheet fields, compared node by node. The status is the one field that differs by
 * design: an imported pack always starts as a draft.
 */
async function roundTrip(pack: Pack): Promise<Pack> {
  const { buffer } = await exportPackToDocx({ pack, branding: { councilName: 'Sefton Council' } });
  return importedPack(analyseDocx(buffer, 'round trip.docx'), { template: null });
}

function expectSameFrontSheet(original: Pack, imported: Pack) {
  expect(imported.frontSheet).toEqual({ ...original.frontSheet, status: 'draft' });
}

describe('round trip: pack → Word (our exporter) → pack', () => {
  it('the feature pack comes back node by node, with its front sheet', async () => {
    const original = makeFeaturePack();
    const imported = await roundTrip(original);
    const before = packStructure(original);
    const after = packStructure(imported);
    expect(firstDifference(after, before)).toBeNull();
    expect(after).toEqual(before);
    expectSameFrontSheet(original, imported);
  });

  it('the 55,000-word reference pack comes back node by node', { timeout: 60_000 }, async () => {
    const original = makeReferencePack();
    const imported = await roundTrip(original);
    const before = packStructure(original);
    const after = packStructure(imported);
    expect(after.map((s) => s.title)).toEqual(before.map((s) => s.title));
    expect(firstDifference(after, before)).toBeNull();
    expectSameFrontSheet(original, imported);
  });
});
