import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { fromNodeError, HostError } from '../../shared/api/errors.js';
import { MAX_PACK_BYTES, parsePackBytes, serialisePack } from '../../shared/pack/parse.js';
import { MAX_IMPORT_BYTES } from '../../shared/import/types.js';
import { readDocx } from '../docx/readDocx.js';
import { bringBackFromWord, describeBackFromWord } from '../review/backFromWord.js';
import { writeFileAtomic } from '../workspace/atomicWrite.js';
import { readFileBounded } from '../workspace/boundedRead.js';

/**
 * `briefing review-back`: the app's "Back from Word…" on the command line (issue 14, point 7).
 * The reviewed copy's new comments and tracked changes are placed on the pack, which is
 * written again (atomically; the previous file is kept beside it as <file>.bak), or to --out,
 * or nowhere with --dry-run. The report is the dialog's, line by line. Exit code 0 when
 * everything was placed, 1 when something could not be (or the files could not be read).
 */
export const REVIEW_BACK_USAGE = `Usage:
  briefing review-back <pack.briefing> <reviewed.docx> [--out <file>] [--dry-run]

Brings a Word copy of the pack, exported "with comments and tracked changes" and reviewed in
Word or LibreOffice, back into the pack: its new comments become comment threads and its tracked
changes suggested changes, on the same words.

Options:
  --out <file>  Write the result to this file instead of over the pack (the pack is kept as
                it is)
  --dry-run     Print what would be added and write nothing
`;

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

export async function reviewBackCommand(argv: string[], io: Io): Promise<number> {
  const inputs: string[] = [];
  let out: string | undefined;
  let dryRun = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--dry-run') dryRun = true;
    else if (arg === '--out') {
      out = argv[++i];
      if (!out || out.startsWith('--')) {
        io.err('review-back: --out needs a file name.');
        return 2;
      }
    } else if (arg.startsWith('--')) {
      io.err(`review-back: unknown option ${arg}.\n\n${REVIEW_BACK_USAGE}`);
      return 2;
    } else inputs.push(arg);
  }
  if (inputs.length !== 2) {
    io.err(`review-back: name the pack and the reviewed Word copy.\n\n${REVIEW_BACK_USAGE}`);
    return 2;
  }
  const [packFile, docxFile] = inputs as [string, string];
  try {
    const packLabel = path.basename(packFile);
    const pack = parsePackBytes(await readFileBounded(packFile, { maxBytes: MAX_PACK_BYTES, label: packLabel, kind: 'briefing pack' }), { label: packLabel });
    const docxLabel = path.basename(docxFile);
    const bytes = await readFileBounded(docxFile, { maxBytes: MAX_IMPORT_BYTES, label: docxLabel, kind: 'Word document' });
    const doc = readDocx(new Uint8Array(bytes), { fileName: docxLabel, limits: { maxFileBytes: MAX_IMPORT_BYTES } });
    const { pack: back, report } = bringBackFromWord(pack, doc);
    for (const line of describeBackFromWord(report)) io.out(line);
    const added = report.threadsAdded + report.repliesAdded + report.suggestionsAdded;
    if (dryRun) io.out('Dry run: nothing written.');
    else if (added === 0 && !report.resolved && !report.reopened) io.out('Nothing new, so nothing was written.');
    else {
      const target = out ?? packFile;
      if (!out) await copyFile(packFile, `${packFile}.bak`);
      await writeFileAtomic(target, serialisePack(back));
      io.out(`Wrote ${target}${out ? '' : ` (the pack as it was is kept as ${path.basename(packFile)}.bak)`}.`);
    }
    return report.notPlaced.length > 0 ? 1 : 0;
  } catch (err) {
    io.err(`review-back: ${err instanceof HostError ? err.message : fromNodeError(err, path.basename(packFile)).message}`);
    return 1;
  }
}
