import { writeSync, promises as fs } from 'node:fs';
import { serialisePack } from '../../shared/pack/parse.js';
import path from 'node:path';
import { PackStore } from '../../electron/workspace/packStore.js';
import { crashTestPack } from './packFactory.js';

/**
 * The crash test's victim: saves the pack through the real PackStore (atomic write, backup,
 * fsync) as versions start, start+1, … until killed. After each save has resolved it writes
 * "ack N" to stdout synchronously, so the parent knows which versions were confirmed.
 * Usage: node child.cjs <pack file> <first version> <last version> <size KB>
 */
async function main(): Promise<void> {
  const [file, firstArg, lastArg, sizeArg] = process.argv.slice(2) as [string, string, string, string];
  const store = new PackStore({ workspaceDir: path.dirname(file), trash: async () => undefined });
  const name = path.basename(file);
  let revision = (await store.revision(name)).revision;
  const first = Number(firstArg);
  const last = Number(lastArg);
  // Build every version up front would take memory; build each just before its save.
  writeSync(1, 'ready\n');
  for (let n = first; n <= last; n++) {
    if (process.env.CRASH_UNSAFE_WRITES === '1') {
      // Control experiment: a plain truncate-and-write, which the harness must catch.
      await fs.writeFile(file, serialisePack(crashTestPack(n, Number(sizeArg))));
    } else {
      const saved = await store.save(name, crashTestPack(n, Number(sizeArg)), revision);
      revision = saved.revision;
    }
    writeSync(1, `ack ${n}\n`);
  }
}

main().catch((err: unknown) => {
  writeSync(2, `child failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
