import { runEditorCommandProperty } from './editorCommands.js';

/**
 * `npm run test:property`: the editor command property over many documents. Options:
 * --documents N (default 300), --selections N per document (default 6), --seed N.
 * Last line: {"test":"editor-commands-property","documents":…,"selections":…,"commands":…,"failures":…}.
 */
function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const started = Date.now();
const report = runEditorCommandProperty({ documents: flag('documents', 300), selectionsPerDocument: flag('selections', 6), seed: flag('seed', 20261202) });
for (const failure of report.failures) console.log(`FAILURE ${failure}`);
console.log(`by selection kind: ${JSON.stringify(report.bySelection)}; commands that could not apply there (table edits outside a table): ${report.notApplicable}; ${Math.round((Date.now() - started) / 1000)} s`);
console.log(JSON.stringify({ test: 'editor-commands-property', documents: report.documents, selections: report.selections, command_kinds: report.commandKinds, commands: report.commands, failures: report.failures.length }));
if (report.failures.length) process.exitCode = 1;
