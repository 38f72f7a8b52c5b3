import { EventEmitter } from 'node:events';
import { rm } from 'node:fs/promises';
import type { Dialog, Display, MessageBoxSyncOptions, NativeTheme, OpenDialogOptions, SaveDialogOptions, Screen, Shell } from 'electron';
import { CheckedEmitter } from './callLog.js';
import type { StandInRuntime } from './runtime.js';

/**
 * `dialog`, `shell`, `nativeTheme` and `screen`. Native dialogs answer what the test scripted
 * (an unscripted dialog is cancelled, and noted, as if the user pressed Escape); `shell`
 * records what would reach the OS and moves "trashed" files nowhere but deletes them.
 */
export class DialogScript {
  private readonly openAnswers: Array<string[] | null> = [];
  private readonly saveAnswers: Array<string | null> = [];
  private readonly messageBoxAnswers: number[] = [];
  readonly shown: Array<{ kind: 'open' | 'save' | 'messageBox'; options: OpenDialogOptions | SaveDialogOptions | MessageBoxSyncOptions; withWindow: boolean; scripted: boolean }> = [];

  /** The next Open dialog picks these files (null: the user cancels). */
  answerOpen(files: string[] | null): void {
    this.openAnswers.push(files);
  }

  /** The next Save dialog answers this path (null: the user cancels). */
  answerSave(file: string | null): void {
    this.saveAnswers.push(file);
  }

  /** The next message box returns this button index. */
  answerMessageBox(index: number): void {
    this.messageBoxAnswers.push(index);
  }

  takeOpen(options: OpenDialogOptions, withWindow: boolean): string[] | null {
    const scripted = this.openAnswers.length > 0;
    this.shown.push({ kind: 'open', options, withWindow, scripted });
    return scripted ? this.openAnswers.shift()! : null;
  }

  takeSave(options: SaveDialogOptions, withWindow: boolean): string | null {
    const scripted = this.saveAnswers.length > 0;
    this.shown.push({ kind: 'save', options, withWindow, scripted });
    return scripted ? this.saveAnswers.shift()! : null;
  }

  takeMessageBox(options: MessageBoxSyncOptions, withWindow: boolean): number {
    const scripted = this.messageBoxAnswers.length > 0;
    this.shown.push({ kind: 'messageBox', options, withWindow, scripted });
    return scripted ? this.messageBoxAnswers.shift()! : (options.cancelId ?? 0);
  }
}

/** dialog.showOpenDialog(window?, options) and friends: the window argument is optional. */
function split<T>(a: unknown, b: T | undefined): { options: T; withWindow: boolean } {
  return b === undefined ? { options: a as T, withWindow: false } : { options: b, withWindow: true };
}

export function dialogModule(rt: StandInRuntime, script: DialogScript): Pick<Dialog, 'showOpenDialog' | 'showSaveDialog' | 'showMessageBoxSync'> {
  return {
    showOpenDialog: (async (a: unknown, b?: OpenDialogOptions) => {
      rt.log.record('dialog.showOpenDialog', [b ?? a]);
      const { options, withWindow } = split<OpenDialogOptions>(a, b);
      const files = script.takeOpen(options, withWindow);
      return { canceled: files === null, filePaths: files ?? [] };
    }) as Dialog['showOpenDialog'],
    showSaveDialog: (async (a: unknown, b?: SaveDialogOptions) => {
      rt.log.record('dialog.showSaveDialog', [b ?? a]);
      const { options, withWindow } = split<SaveDialogOptions>(a, b);
      const file = script.takeSave(options, withWindow);
      return file === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: file };
    }) as Dialog['showSaveDialog'],
    showMessageBoxSync: ((a: unknown, b?: MessageBoxSyncOptions) => {
      rt.log.record('dialog.showMessageBoxSync', [b ?? a]);
      const { options, withWindow } = split<MessageBoxSyncOptions>(a, b);
      return script.takeMessageBox(options, withWindow);
    }) as Dialog['showMessageBoxSync'],
  };
}

export class StandInShell implements Pick<Shell, 'openExternal' | 'trashItem'> {
  readonly opened: string[] = [];
  readonly trashed: string[] = [];

  constructor(private readonly rt: StandInRuntime) {}

  readonly openExternal: Shell['openExternal'] = async (url, options) => {
    this.rt.log.record('shell.openExternal', [url, options]);
    this.opened.push(url);
  };

  readonly trashItem: Shell['trashItem'] = async (file) => {
    this.rt.log.record('shell.trashItem', [file]);
    this.trashed.push(file);
    await rm(file, { recursive: true, force: true });
  };
}

export class StandInNativeTheme extends CheckedEmitter implements Pick<NativeTheme, 'shouldUseDarkColors' | 'themeSource'> {
  private source: NativeTheme['themeSource'] = 'system';
  private dark: boolean;

  constructor(rt: StandInRuntime) {
    super('NativeTheme', 'nativeTheme', rt.log);
    this.dark = rt.options.darkMode ?? false;
  }

  get shouldUseDarkColors(): boolean {
    return this.source === 'system' ? this.dark : this.source === 'dark';
  }

  get themeSource(): NativeTheme['themeSource'] {
    return this.source;
  }

  set themeSource(value: NativeTheme['themeSource']) {
    this.log.record('nativeTheme.themeSource=', [value]);
    this.source = value;
  }

  /** The OS switched between light and dark. */
  setOsDarkMode(dark: boolean): void {
    this.dark = dark;
    EventEmitter.prototype.emit.call(this, 'updated');
  }
}

export function screenModule(rt: StandInRuntime): Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay'> {
  const displays = (): Display[] =>
    (rt.options.displays ?? [{ x: 0, y: 0, width: 1920, height: 1080 }]).map((area, index) => ({
      id: index + 1,
      label: `Display ${index + 1}`,
      bounds: area,
      workArea: area,
      size: { width: area.width, height: area.height },
      workAreaSize: { width: area.width, height: area.height },
      nativeOrigin: { x: area.x, y: area.y },
      scaleFactor: 1,
      rotation: 0,
      touchSupport: 'unknown',
      monochrome: false,
      accelerometerSupport: 'unknown',
      colorSpace: 'srgb',
      colorDepth: 24,
      depthPerComponent: 8,
      displayFrequency: 60,
      internal: index === 0,
      maximumCursorSize: { width: 64, height: 64 },
      detected: true,
    }));
  return {
    getAllDisplays: () => {
      rt.log.record('screen.getAllDisplays', []);
      rt.requireReady('screen-after-ready');
      return displays();
    },
    getPrimaryDisplay: () => {
      rt.log.record('screen.getPrimaryDisplay', []);
      rt.requireReady('screen-after-ready');
      return displays()[0]!;
    },
  };
}
