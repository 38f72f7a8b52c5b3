import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';

/** Follows the pack's read-only state (approved packs, or a pack someone else has open). */
export function EditablePlugin(props: { editable: boolean }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => editor.setEditable(props.editable), [editor, props.editable]);
  return null;
}
