import { useCallback, useEffect, useRef, useState } from 'react';
import type { Pack } from '../../shared/pack/schema.js';
import { host } from '../host/hostClient.js';
import { messageOf } from '../common/messageOf.js';

export type SaveState =
  | { kind: 'saved'; at: string }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'error'; message: string };

/** How long typing must pause before an autosave. */
export const AUTOSAVE_DELAY_MS = 800;

/**
 * One open pack: loads it, holds the latest state, autosaves after a pause and on demand.
 * Saving never discards the in-memory pack: a failed save leaves every word in place and
 * the status says what went wrong, so the user can retry.
 */
export function usePackDocument(file: string) {
  const [pack, setPack] = useState<Pack | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'saved', at: '' });

  const packRef = useRef<Pack | null>(null);
  const revisionRef = useRef<string | null>(null);
  const editCount = useRef(0);
  const savedCount = useRef(0);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Open section editors hand over their serialised content only when a save is about to
  // happen (see renderer/editor/SaveTrackingPlugin.ts), never on every keystroke.
  const flushers = useRef(new Set<() => void>());

  useEffect(() => {
    let cancelled = false;
    host.openPack({ file }).then(
      (opened) => {
        if (cancelled) return;
        packRef.current = opened.pack;
        revisionRef.current = opened.revision;
        setPack(opened.pack);
        setSaveState({ kind: 'saved', at: opened.pack.updatedAt });
      },
      (err: unknown) => !cancelled && setLoadError(messageOf(err)),
    );
    return () => {
      cancelled = true;
    };
  }, [file]);

  /** Save the latest state; resolves true when everything edited so far is on disk. */
  const saveNow = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    while (inFlight.current) await inFlight.current;
    for (const flush of flushers.current) flush();
    const current = packRef.current;
    if (!current || savedCount.current === editCount.current) return true;
    const savingCount = editCount.current;
    setSaveState({ kind: 'saving' });
    const attempt = (async () => {
      try {
        const saved = await host.savePack({ file, pack: current, baseRevision: revisionRef.current });
        revisionRef.current = saved.revision;
        savedCount.current = savingCount;
        if (packRef.current === current) packRef.current = { ...current, updatedAt: saved.savedAt };
        const clean = savedCount.current === editCount.current;
        setSaveState(clean ? { kind: 'saved', at: saved.savedAt } : { kind: 'unsaved' });
        return clean;
      } catch (err) {
        setSaveState({ kind: 'error', message: messageOf(err) });
        return false;
      }
    })();
    inFlight.current = attempt;
    const ok = await attempt;
    inFlight.current = null;
    // A failed save stops here (the status shows the error); edits made while a save was
    // running get a save of their own.
    if (!ok) return false;
    return savedCount.current === editCount.current ? true : saveNow();
  }, [file]);

  const update = useCallback(
    (change: (pack: Pack) => Pack) => {
      const current = packRef.current;
      if (!current) return;
      const next = change(current);
      packRef.current = next;
      editCount.current++;
      setPack(next);
      setSaveState({ kind: 'unsaved' });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
    },
    [saveNow],
  );

  /** An editor changed something it will hand over at the next flush: schedule an autosave. */
  const markDirty = useCallback(() => {
    editCount.current++;
    setSaveState((state) => (state.kind === 'unsaved' ? state : { kind: 'unsaved' }));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
  }, [saveNow]);

  /** Register a function that writes an editor's pending content into the pack (via update). */
  const registerFlush = useCallback((flush: () => void) => {
    flushers.current.add(flush);
    return () => void flushers.current.delete(flush);
  }, []);

  /** Bring the in-memory pack up to date with every open editor, without saving. */
  const flushEditors = useCallback(() => {
    for (const flush of flushers.current) flush();
  }, []);

  const hasUnsavedChanges = useCallback(() => savedCount.current !== editCount.current, []);

  // Warn before closing the window or reloading with edits not yet on disk.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (hasUnsavedChanges()) {
        void saveNow();
        event.preventDefault();
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [hasUnsavedChanges, saveNow]);

  useEffect(() => () => clearTimeout(timer.current), []);

  return { pack, loadError, saveState, update, saveNow, hasUnsavedChanges, markDirty, registerFlush, flushEditors };
}
