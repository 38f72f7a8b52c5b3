import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { exportPackToDocx } from '../../electron/export/exportPack.js';
import type { Pack } from '../../shared/pack/schema.js';
import { reviewedPack } from './reviewPack.js';

/**
 * A review copy of reviewPack.ts's pack, exported with markup, then reviewed as Word writes it:
 * "Lee Office" types "sharply " after "Costs may rise ", deletes "before the meeting" and
 * comments "Say how much we ask for." on "fair settlement", added to the XML the way Word marks
 * them up. (tests/support/reviewInLibreOffice.py makes the same edits in LibreOffice itself.)
 */
export const REVIEWED_AT = '2026-12-01T10:00:00Z';

export async function reviewedInWord(pack: Pack = reviewedPack()): Promise<Uint8Array> {
  const { buffer } = await exportPackToDocx({ pack, options: { review: 'markup' } });
  const zip = unzipSync(new Uint8Array(buffer));
  let body = strFromU8(zip['word/document.xml']!);
  const swap = (from: string, to: string) => {
    if (body.split(from).length !== 2) throw new Error(`expected exactly one ${from} in the export`);
    body = body.replace(from, to);
  };
  const run = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;
  swap(run('Costs may rise in '), `${run('Costs may rise ')}<w:ins w:id="900" w:author="Lee Office" w:date="${REVIEWED_AT}">${run('sharply ')}</w:ins>${run('in ')}`);
  swap(run('before the meeting.'), `<w:del w:id="901" w:author="Lee Office" w:date="${REVIEWED_AT}"><w:r><w:delText xml:space="preserve">before the meeting</w:delText></w:r></w:del>${run('.')}`);
  swap(run('for a fair settlement.'), `${run('for a ')}<w:commentRangeStart w:id="50"/>${run('fair settlement')}<w:commentRangeEnd w:id="50"/><w:r><w:commentReference w:id="50"/></w:r>${run('.')}`);
  zip['word/document.xml'] = strToU8(body);
  const comments = strFromU8(zip['word/comments.xml']!).replace(
    '</w:comments>',
    `<w:comment w:id="50" w:author="Lee Office" w:initials="LO" w:date="${REVIEWED_AT}"><w:p w14:paraId="00000050"><w:r><w:t>Say how much we ask for.</w:t></w:r></w:p></w:comment></w:comments>`,
  );
  zip['word/comments.xml'] = strToU8(comments);
  return zipSync(zip);
}
