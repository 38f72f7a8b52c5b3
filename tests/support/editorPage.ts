import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { BrowserHost } from './browserHost.js';
import type { Pack, Section } from '../../shared/pack/schema.js';
import { newPack, newSection } from '../../shared/pack/defaults.js';
import { GAMECHANGERS } from '../../shared/gamechangers/index.js';

/** Helpers for the editor end-to-end tests: real pack files in the host's workspace. */

export async function writePackFile(host: BrowserHost, pack: Pack, file = 'Editor test.briefing'): Promise<string> {
  await writeFile(path.join(host.workspaceDir, file), JSON.stringify(pack, null, 2), 'utf8');
  return file;
}

export async function readPackFile(host: BrowserHost, file = 'Editor test.briefing'): Promise<Pack> {
  return JSON.parse(await readFile(path.join(host.workspaceDir, file), 'utf8')) as Pack;
}

/** A pack with one section per gamechanger (empty), like the template gallery makes. */
export function gamechangerPack(title = 'Editor test', extra: Partial<Section> = {}): Pack {
  return newPack(
    { title },
    GAMECHANGERS.map((g) => newSection(g.title, { gamechangerId: g.id, ...extra })),
  );
}

/** Open a pack at one section (through the URL, as a reload would) and wait until editable. */
export async function openSection(page: Page, host: BrowserHost, file: string, sectionId: string) {
  const url = new URL(host.url);
  url.searchParams.set('pack', file);
  url.searchParams.set('section', sectionId);
  await page.goto(url.toString());
  const editor = page.locator(`[data-section-editor="${sectionId}"]`);
  await editor.waitFor();
  await page.waitForFunction((id) => document.querySelector(`[data-section-editor="${id}"]`)?.getAttribute('contenteditable') === 'true', sectionId);
  // Opening at a section (as from a search result) scrolls to it and focuses it once: wait
  // for that, so the test's own clicks come after it.
  await page.locator(`#section-${sectionId}[data-jumped="true"]`).waitFor();
  return editor;
}

/** Every node of the given type in a section's saved Lexical JSON. */
export function nodesOfType(node: unknown, type: string, found: Array<Record<string, unknown>> = []): Array<Record<string, unknown>> {
  const n = node as { type?: string; children?: unknown[]; root?: unknown };
  if (n.root) return nodesOfType(n.root, type, found);
  if (n.type === type) found.push(n as Record<string, unknown>);
  for (const child of n.children ?? []) nodesOfType(child, type, found);
  return found;
}

/** The saved content of one section, read straight from the .briefing file on disk. */
export async function savedSection(host: BrowserHost, file: string, sectionId: string) {
  const pack = await readPackFile(host, file);
  const section = pack.sections.find((s) => s.id === sectionId);
  if (!section) throw new Error(`section ${sectionId} is not in the saved pack`);
  return section;
}

/** Compact outline of a saved section: [type(tag/listType), text] per top-level block. */
export function blockSummary(section: Section): string[] {
  const textOf = (node: { text?: string; children?: unknown[] }): string =>
    typeof node.text === 'string' ? node.text : (node.children ?? []).map((c) => textOf(c as never)).join('');
  return section.content.root.children.map((block) => {
    const b = block as { type: string; tag?: string; listType?: string };
    const kind = b.type === 'heading' ? b.tag : b.type === 'list' ? `list-${b.listType}` : b.type;
    return `${kind}: ${textOf(block as never)}`;
  });
}

/** Select the first occurrence of `text` inside the editor, as a user dragging over it would. */
export async function selectText(editor: import('@playwright/test').Locator, text: string) {
  await editor.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      const at = node.data.indexOf(wanted);
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
    }
    throw new Error(`text not found: ${wanted}`);
  }, text);
  // Lexical reads the new selection on selectionchange.
  await editor.page().waitForTimeout(100);
}
