import { useEffect, useRef, useState, type RefObject } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { SerializedEditorStateJson } from '../../shared/richtext/serialized.js';
import { startSectionLoad } from './sectionLoad.js';

/**
 * Anything that can change the text starts with one of these on the editor or its toolbar
 * (focus comes before typing; a drop, or a click on a toolbar button, need not focus the text).
 */
const INTERACTIONS = ['focusin', 'pointerdown', 'keydown', 'beforeinput', 'paste', 'dragenter', 'drop', 'compositionstart'] as const;

/**
 * Puts the section's saved content into the editor. Mounted after the other plugins, so their
 * node transforms are already registered against an empty editor and the content is laid out
 * without a second pass. The load is not an edit (save tracking ignores it) and the undo
 * history starts after it.
 *
 * Long sections arrive in slices (sectionLoad.ts): the first screens at once, the rest between
 * frames. Any interaction with the editor or its toolbar brings the rest in first, so an edit
 * always applies to the whole section.
 *
 * A file the editor cannot read throws here, and the section shows a plain-English error
 * instead (SectionPane's boundary), also when the unreadable part is in a later slice.
 */
export function LoadContentPlugin(props: { content: SerializedEditorStateJson; interactionRoot: RefObject<HTMLElement | null> }) {
  const [editor] = useLexicalComposerContext();
  const content = useRef(props.content);
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  if (failure) throw failure.error;

  useEffect(() => {
    const load = startSectionLoad(editor, content.current, (error) => setFailure({ error }));
    const shell = load.complete ? null : props.interactionRoot.current;
    const finish = () => load.finish();
    for (const type of INTERACTIONS) shell?.addEventListener(type, finish, true);
    return () => {
      load.cancel();
      for (const type of INTERACTIONS) shell?.removeEventListener(type, finish, true);
    };
  }, [editor, props.interactionRoot]);
  return null;
}
