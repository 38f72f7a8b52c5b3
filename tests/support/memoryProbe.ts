import { runCli } from '../../electron/cli/cli.js';
import { FolderScanner } from '../../electron/templates/folderScan.js';
import { PackStore } from '../../electron/workspace/packStore.js';

/**
 * Run in a child process by tests/unit/hardening.fileLimits.test.ts (and the fuzz harness's
 * huge-file inputs): list a workspace folder, open every pack in it, validate every file with
 * the CLI and scan it as a template folder, then print one JSON line with what each step said
 * and the process's peak memory (resident set size). A child of its own, so the figure is the
 * peak of this work alone, not of the test runner.
 *
 *   tsx tests/support/memoryProbe.ts <folder>
 */
const dir = process.argv[2]!;
const store = new PackStore({ workspaceDir: dir, trash: async () => undefined });
const list = await store.list();
const opened: Record<string, string> = {};
for (const entry of list.entries) {
  opened[entry.file] = await store.open(entry.file).then(
    () => 'opened',
    (err: Error) => err.message,
  );
}
const cli: string[] = [];
const files = list.entries.map((e) => `${dir}/${e.file}`);
const cliCode = await runCli(['validate', ...files], { out: (l) => cli.push(l), err: (l) => cli.push(l) });
const templates = await new FolderScanner().scan(dir, 'shared', 2);
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(
  JSON.stringify({
    list: list.entries.map((e) => (e.kind === 'broken' ? { file: e.file, broken: e.error.message } : { file: e.file, title: e.title })),
    opened,
    cli,
    cliCode,
    templates: templates.broken.map((b) => ({ file: b.file, broken: b.error.message })),
    peak_rss_mb: peakRssMb,
  }),
);
