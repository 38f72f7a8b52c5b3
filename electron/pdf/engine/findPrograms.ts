import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Where a council laptop keeps a Chromium-family browser (Edge comes with Windows 10 and 11;
 * Chrome is the other common one) or LibreOffice. Each list is in order of preference; the
 * environment can name a program outright.
 */
export type Env = Record<string, string | undefined>;

function isFile(file: string): boolean {
  try {
    return existsSync(file) && statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(names: string[], env: Env): string[] {
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  return names.flatMap((name) => dirs.map((dir) => path.join(dir, name)));
}

export function browserCandidates(platform: NodeJS.Platform, env: Env): string[] {
  const named = [env.BRIEFING_PDF_BROWSER, env.BRIEFING_CHROMIUM].filter((p): p is string => !!p);
  if (platform === 'win32') {
    const roots = [env.ProgramFiles, env['ProgramFiles(x86)'], env.LOCALAPPDATA].filter((p): p is string => !!p);
    const within = (rel: string) => roots.map((root) => path.win32.join(root, rel));
    return [
      ...named,
      ...within('Microsoft\\Edge\\Application\\msedge.exe'),
      ...within('Google\\Chrome\\Application\\chrome.exe'),
      ...within('Chromium\\Application\\chrome.exe'),
      ...within('BraveSoftware\\Brave-Browser\\Application\\brave.exe'),
    ];
  }
  if (platform === 'darwin') {
    const apps = ['/Applications', path.join(env.HOME ?? '', 'Applications')];
    const bundles = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge', 'Chromium.app/Contents/MacOS/Chromium', 'Brave Browser.app/Contents/MacOS/Brave Browser'];
    return [...named, ...bundles.flatMap((b) => apps.map((a) => path.join(a, b)))];
  }
  return [
    ...named,
    ...onPath(['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable', 'brave-browser'], env),
    '/usr/bin/chromium',
    '/snap/bin/chromium',
  ];
}

export function libreOfficeCandidates(platform: NodeJS.Platform, env: Env): string[] {
  const named = [env.BRIEFING_SOFFICE].filter((p): p is string => !!p);
  if (platform === 'win32') {
    const roots = [env.ProgramFiles, env['ProgramFiles(x86)']].filter((p): p is string => !!p);
    return [...named, ...roots.map((root) => path.win32.join(root, 'LibreOffice\\program\\soffice.exe'))];
  }
  if (platform === 'darwin') return [...named, '/Applications/LibreOffice.app/Contents/MacOS/soffice'];
  return [...named, ...onPath(['soffice', 'libreoffice'], env), '/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice'];
}

export function firstExisting(candidates: readonly string[], exists: (file: string) => boolean = isFile): string | null {
  for (const candidate of candidates) if (exists(candidate)) return candidate;
  return null;
}
