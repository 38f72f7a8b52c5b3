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
  /** Ask where to save a file (Electron's native save dialog); null when cancelled. Absent in the browser host. */
  chooseSavePath?(options: { title: string; defaultName: string; filterName: string; extensions: string[] }): Promise<string | null>;
}
