import { promises as fs } from 'node:fs';
import { tempPathFor } from '../../electron/workspace/tempFiles.js';

/**
 * Saves that are stopped half-way: for each target, opens the temp file exactly as an atomic
 * save does (writeFileAtomic), writes half a pack into it; then prints the temps' paths (one
 * JSON line) and waits, holding them, until it is killed. Used by tests/unit/hardening.tidy.test.ts.
 *
 *   tsx tests/support/holdTempFile.ts <target.briefing>…
 */
const temps: string[] = [];
for (const target of process.argv.slice(2)) {
  const temp = tempPathFor(target);
  const handle = await fs.open(temp, 'wx');
  await handle.writeFile('{"format":"briefing-pack","formatVersion":1,"frontSheet":{"title":"Half a sa');
  temps.push(temp);
}
console.log(JSON.stringify(temps));
setInterval(() => undefined, 1000);
