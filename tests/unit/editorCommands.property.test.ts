import { describe, expect, it } from 'vitest';
import { runEditorCommandProperty } from '../property/editorCommands.js';

/**
 * A quick run of the editor command property (the full run is `npm run test:property`):
 * random documents × selections (collapsed, within a word, across blocks, in a link, a list,
 * a table cell) × every toolbar and shortcut command, on a headless editor with the app's nodes.
 */
describe('editor commands never replace or lose words', () => {
  it('holds over random documents, selections and every command', () => {
    const report = runEditorCommandProperty({ documents: 25, selectionsPerDocument: 4, seed: 12 });
    expect(report.failures).toEqual([]);
    expect(report.documents).toBe(25);
    expect(report.commands).toBeGreaterThan(25 * 22);
    for (const count of Object.values(report.bySelection)) expect(count).toBeGreaterThan(0);
  });
});
