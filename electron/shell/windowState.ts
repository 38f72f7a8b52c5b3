import { promises as fs, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../workspace/atomicWrite.js';
import { DEFAULT_SIZE, MIN_SIZE } from './window.js';

/**
 * The main window's size and position, remembered between runs in window-state.json in the
 * app's data folder. A damaged file or a position on a monitor that is no longer attached
 * falls back to a sensible default instead of opening the window off-screen.
 */
const stateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(MIN_SIZE.width).max(20000),
  height: z.number().int().min(MIN_SIZE.height).max(20000),
  maximized: z.boolean().default(false),
});

export type WindowState = z.infer<typeof stateSchema>;
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const WINDOW_STATE_FILE = 'window-state.json';
const DEFAULT_STATE: WindowState = { ...DEFAULT_SIZE, maximized: false };

export async function loadWindowState(dataDir: string): Promise<WindowState> {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(await fs.readFile(path.join(dataDir, WINDOW_STATE_FILE), 'utf8')));
    return parsed.success ? parsed.data : DEFAULT_STATE;
  } catch {
    return DEFAULT_STATE;
  }
}

export async function saveWindowState(dataDir: string, state: WindowState): Promise<void> {
  const checked = stateSchema.safeParse(state);
  if (!checked.success) return;
  await fs.mkdir(dataDir, { recursive: true });
  await writeFileAtomic(path.join(dataDir, WINDOW_STATE_FILE), JSON.stringify(checked.data) + '\n');
}

/**
 * The same, synchronously: used as the window closes, when the app may quit before an
 * asynchronous write finishes. Temp file + rename, so a crash never leaves half a file.
 */
export function saveWindowStateSync(dataDir: string, state: WindowState): void {
  const checked = stateSchema.safeParse(state);
  if (!checked.success) return;
  const target = path.join(dataDir, WINDOW_STATE_FILE);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(`${target}.tmp`, JSON.stringify(checked.data) + '\n');
  renameSync(`${target}.tmp`, target);
}

/**
 * Keep the remembered position only if enough of the title bar would be on a display that is
 * attached now (at least 100×40 px visible); otherwise let the OS centre the window. The size
 * is shrunk to fit the largest display.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  if (workAreas.length === 0) return state;
  const largest = workAreas.reduce((a, b) => (a.width * a.height >= b.width * b.height ? a : b));
  const width = Math.max(MIN_SIZE.width, Math.min(state.width, largest.width));
  const height = Math.max(MIN_SIZE.height, Math.min(state.height, largest.height));
  if (state.x === undefined || state.y === undefined) return { width, height, maximized: state.maximized };
  const titleBar: Rect = { x: state.x, y: state.y, width, height: 40 };
  const visible = workAreas.some((area) => {
    const w = Math.min(titleBar.x + titleBar.width, area.x + area.width) - Math.max(titleBar.x, area.x);
    const h = Math.min(titleBar.y + titleBar.height, area.y + area.height) - Math.max(titleBar.y, area.y);
    return w >= 100 && h >= 40;
  });
  return visible ? { x: state.x, y: state.y, width, height, maximized: state.maximized } : { width, height, maximized: state.maximized };
}
