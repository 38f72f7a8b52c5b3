import type { GrantedPaths } from './workspace/grantedPaths.js';

/**
 * The desktop app's own PDF engine and printer (Electron's Chromium, electron/shell/electronPdf.ts).
 * Absent in the browser host and the CLI, which look for a browser on the machine instead.
 */
export interface HostPdf {
  readonly name: string;
  render(html: string): Promise<Buffer>;
  /** The system print dialog for these pages; false when the user cancelled. */
  print(html: string, title: string): Promise<boolean>;
}

/**
 * The few capabilities that differ between the Electron app and the browser host, passed
 * into the services so nothing in them imports `electron`.
 */
export interface HostPlatform {
  host: 'electron' | 'browser';
  appVersion: string;
  dataDir: string;
  /** Move a file to the trash. Given the workspace folder in use at the time. */
  trash(absolutePath: string, workspaceDir: string): Promise<void>;
  /**
   * Files outside the workspace the user picked in a native dialog (or opened from the OS)
   * during this run. Only Electron grants any; absent or empty means workspace only.
   */
  granted?: GrantedPaths;
  /** A native "choose folder" dialog (Electron only); resolves null when cancelled. */
  pickFolder?(options: { title: string; defaultPath: string }): Promise<string | null>;
  /** Ask where to save a file (Electron's native save dialog); null when cancelled. Absent in the browser host. */
  chooseSavePath?(options: { title: string; defaultName: string; filterName: string; extensions: string[] }): Promise<string | null>;
  /** PDF and print with the app's own Chromium (Electron only). */
  pdf?: HostPdf;
}
