import type { Settings } from '../../shared/api/settings.js';
import type { AccessibilityReport, ExportOptionsInput, ExportResult } from '../../shared/export/types.js';
import type { Pack } from '../../shared/pack/schema.js';
import type { HostPlatform } from '../hostPlatform.js';
import { checkPack } from './accessibility/checkPack.js';
import { exportPackToDocx } from './exportPack.js';
import { exportNameFor, writeDocxFile } from './writeDocx.js';
import { accessStatus } from '../../shared/pack/parts.js';

/**
 * The host-contract side of exporting: house style from settings, the checker's report with
 * every export, and the target: Electron asks where to save and writes the file; the browser
 * host hands the bytes back for the page to download.
 */
export interface ExportServiceDeps {
  settings: () => Promise<Settings>;
  platform: Pick<HostPlatform, 'chooseSavePath'>;
}

export async function checkAccessibilityFor(deps: ExportServiceDeps, pack: Pack): Promise<AccessibilityReport> {
  const settings = await deps.settings();
  return checkPack(pack, settings.branding);
}

export async function exportToWordFor(deps: ExportServiceDeps, args: { pack: Pack; file?: string; options?: ExportOptionsInput }): Promise<ExportResult> {
  const settings = await deps.settings();
  const version = args.options?.version ?? 'full';
  const fileName = exportNameFor(args.file ?? args.pack.frontSheet.title, '.docx', { version, hasExemptInformation: accessStatus(args.pack).kind !== 'public' });
  let target: string | null = null;
  if (deps.platform.chooseSavePath) {
    // Ask first, so a cancelled dialog costs nothing.
    target = await deps.platform.chooseSavePath({ title: 'Export to Word', defaultName: fileName, filterName: 'Word document', extensions: ['docx'] });
    if (!target) return { kind: 'cancelled' };
    if (!/\.docx$/i.test(target)) target += '.docx';
  }
  const report = checkPack(args.pack, settings.branding);
  const { buffer, notices } = await exportPackToDocx({ pack: args.pack, branding: settings.branding, options: args.options, authorName: settings.authorName });
  if (target) {
    await writeDocxFile(target, buffer);
    return { kind: 'saved', path: target, bytes: buffer.length, notices, report };
  }
  return { kind: 'download', fileName, base64: buffer.toString('base64'), bytes: buffer.length, notices, report };
}
