import { useEffect, useState, type RefObject } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { PreparedSection } from './sectionLoad.js';

/**
 * Anything that can change the text starts with one of these on the editor or its toolbar
 * (focus comes before typing; a drop, or a click on a toolbar button, need not focus the text).
 */
export const LOAD_ALL_EVENT = 'briefing-load-all';
/** Find and replace sends LOAD_ALL_EVENT: it searches, and may change, the whole section. */
const INTERACTIONS = ['focusin', 'pointerdown', 'keydown', 'beforeinput', 'paste', 'dragenter', 'drop', 'compositionstart', LOAD_ALL_EVENT] as const;

/**
 * Brings the rest of a section in after its first slice (which the editor was created with,
 * see SectionEditor and sectionLoad.ts). Mounted after the other plugins, so their node
 * transforms and listeners are registered before the rest arrives. Any interaction with the
 * editor or its toolbar brings the rest in at once, so an edit always applies to the whole
 * section.
 *
 * Content the editor cannot read, in any slice, shows a plain-English error instead
 * (SectionPane's boundary) and the section is never saved from this editor.
 */
export function LoadContentPlugin(props: { section: PreparedSection; interactionRoot: RefObject<HTMLElement | null> }) {
  const [editor] = useLexicalComposerContext();
  const { section, interactionRoot } = props;
  const [laterFailure, setLaterFailure] = useState<{ error: unknown } | null>(null);
  const failure = section.failure ?? laterFailure;
  if (failure) throw failure.error;

  useEffect(() => {
    // The editor and its plugins are in place (read by the editor benchmark).
    performance.mark('briefing:editor-ready');
    const load = section.continueLoad(editor, (error) => setLaterFailure({ error }));
    const shell = load.complete ? null : interactionRoot.current;
    const finish = () => load.finish();
    for (const type of INTERACTIONS) shell?.addEventListener(type, finish, true);
    return () => {
      load.cancel();
      for (const type of INTERACTIONS) shell?.removeEventListener(type, finish, true);
    };
  }, [editor, section, interactionRoot]);
  return null;
}
