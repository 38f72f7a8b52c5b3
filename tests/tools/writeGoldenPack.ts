// Writes tests/fixtures/packs/v<current>-golden.briefing from tests/support/goldenPack.ts.
// Run `npx tsx tests/tools/writeGoldenPack.ts` only while the current format is still being
// built; once a format has been released its golden fixture must never change.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PACK_FORMAT_VERSION } from '../../shared/pack/format.js';
import { serialisePack } from '../../shared/pack/parse.js';
import { goldenPackV2 } from '../support/goldenPack.js';

const file = path.resolve('tests/fixtures/packs', `v${PACK_FORMAT_VERSION}-golden.briefing`);
writeFileSync(file, serialisePack(goldenPackV2()));
console.log(`Wrote ${file}`);
