import path from 'node:path';

/**
 * BRIEFING_USER_DATA_DIR points the app at another profile folder (settings, recovery
 * journal, history, window state). That is for development and tests only: in an installed
 * app a variable set by some other program or launcher must not quietly move where a
 * member's unsaved work is kept. There, Electron's own `--user-data-dir=<folder>` switch
 * (visible on the command line the user or IT chose) still works.
 */
export const USER_DATA_ENV = 'BRIEFING_USER_DATA_DIR';

export type UserDataChoice = { kind: 'default' } | { kind: 'override'; dir: string } | { kind: 'refused'; reason: string };

export function userDataOverride(env: Record<string, string | undefined>, isPackaged: boolean): UserDataChoice {
  const wanted = env[USER_DATA_ENV]?.trim();
  if (!wanted) return { kind: 'default' };
  if (isPackaged) {
    return {
      kind: 'refused',
      reason: `Briefing Studio ignored ${USER_DATA_ENV}: the installed app keeps its settings and recovery files in its usual folder. To use another folder, start it with --user-data-dir=<folder>.`,
    };
  }
  return { kind: 'override', dir: path.resolve(wanted) };
}
