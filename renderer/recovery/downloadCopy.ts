import type { Pack } from '../../shared/pack/schema.js';
import { PACK_EXTENSION } from '../../shared/pack/format.js';

/**
 * Last-resort rescue when the workspace cannot be written (disk full, read-only folder,
 * network drive gone): hand the pack to the browser as a download, which goes to the
 * user's own Downloads folder on another drive.
 */
export function downloadPackCopy(pack: Pack): void {
  const blob = new Blob([JSON.stringify(pack, null, 2) + '\n'], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  const base = (pack.frontSheet.title || 'Untitled briefing').replace(/[<>:"/\\|?*\u0000-\u001f]/g, ' ').trim() || 'Briefing';
  link.download = `${base} (rescued copy)${PACK_EXTENSION}`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
