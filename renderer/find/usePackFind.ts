import { useEffect, useMemo, useRef } from 'react';
import type { Pack, Section } from '../../shared/pack/schema.js';
import { useMenuCommand } from '../host/hostEvents.js';
import type { ReviewPart } from '../pack/session/reviewPart.js';
import { FindController } from './findController.js';

export interface PackFindWiring {
  pack: Pack | null;
  /** The open section's id, or null on the front sheet. */
  activeSectionId: string | null;
  openSection: (id: string) => void;
  update: (change: (pack: Pack) => Pack) => void;
  editingLocked: boolean;
  review: ReviewPart | null;
}

/** Ctrl/Cmd+F (find) or Ctrl+H / Cmd+Alt+F (replace), and F3 / Shift+F3 (next, previous). */
export function findKey(event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'key'>): 'find' | 'replace' | 'next' | 'previous' | null {
  const key = event.key.toLowerCase();
  const mod = event.ctrlKey || event.metaKey;
  if (event.key === 'F3' && !mod && !event.altKey) return event.shiftKey ? 'previous' : 'next';
  if (!mod || event.shiftKey) return null;
  if (key === 'f') return event.altKey ? 'replace' : 'find';
  if (key === 'h' && event.ctrlKey && !event.metaKey && !event.altKey) return 'replace';
  return null;
}

/**
 * The pack screen's find and replace: one FindController for the screen, told about the pack
 * through refs (so it always sees the latest sections without being remade), and its keys.
 */
export function usePackFind(wiring: PackFindWiring): FindController {
  const find = useMemo(() => new FindController(), []);
  const latest = useRef(wiring);
  latest.current = wiring;
  useEffect(
    () =>
      find.connect({
        sections: (): readonly Section[] => latest.current.pack?.sections ?? [],
        activeSectionId: () => latest.current.activeSectionId,
        openSection: (id) => latest.current.openSection(id),
        replaceBlocked: () => {
          if (latest.current.editingLocked) return 'This pack cannot be changed here, so nothing can be replaced.';
          if (latest.current.review?.state.mode === 'suggesting') return 'Replace is off while Suggesting is on: turn Suggesting off to replace.';
          return null;
        },
        updateSections: (change) => latest.current.update((pack) => ({ ...pack, sections: change(pack.sections) })),
      }),
    [find],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = findKey(event);
      if (!action) return;
      event.preventDefault();
      if (action === 'find' || action === 'replace') find.show(action === 'replace');
      else if (!find.state.open) find.show(false);
      else if (action === 'next') find.next();
      else find.previous();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [find]);
  useMenuCommand('find', () => find.show(false));
  useMenuCommand('replace', () => find.show(true));
  return find;
}
