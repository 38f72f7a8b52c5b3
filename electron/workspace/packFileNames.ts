import { PACK_EXTENSION } from '../../shared/pack/format.js';
import { TEMPLATE_EXTENSION } from '../../shared/templates/format.js';

/**
 * Which names in a folder are packs or templates. Extensions are matched without regard to
 * case (Windows and macOS users see "Budget.BRIEFING" as a pack, and so does the app);
 * hidden and internal files (".backups", ".Budget.briefing.1a2b3c.tmp") never are.
 */
export function hasExtension(name: string, extension: string): boolean {
  return name.length > extension.length && name.toLowerCase().endsWith(extension);
}

export function isPackFileName(name: string): boolean {
  return hasExtension(name, PACK_EXTENSION) && !name.startsWith('.');
}

export function isTemplateFileName(name: string): boolean {
  return hasExtension(name, TEMPLATE_EXTENSION) && !name.startsWith('.');
}
