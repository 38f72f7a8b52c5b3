import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';

/**
 * Makes the editor editable once its content is loaded (it is mounted after LoadContentPlugin,
 * so its effect runs after the load) and follows the pack's read-only state (approved packs).
 */
export function EditablePlugin(props: { editable: boolean }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => editor.setEditable(props.editable), [editor, props.editable]);
  return null;
}
