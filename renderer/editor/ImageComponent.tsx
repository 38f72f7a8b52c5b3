import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { LexicalEditor, NodeKey } from 'lexical';
import { $getNodeByKey, CLICK_COMMAND, COMMAND_PRIORITY_LOW, KEY_BACKSPACE_COMMAND, KEY_DELETE_COMMAND } from 'lexical';
import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection';
import { mergeRegister } from '@lexical/utils';
import { $isImageNode, setImageDecorator, type ImageNode } from '../../shared/richtext/ImageNode.js';
import { AltTextDialog } from './AltTextDialog.js';

const MIN_WIDTH = 40;
const MAX_WIDTH = 900;

/** A picture in the editor: click to select; then edit its alt text, resize or delete it. */
function ImageView(props: { editor: LexicalEditor; nodeKey: NodeKey; src: string; altText: string; width: number | null; height: number | null }) {
  const { editor, nodeKey } = props;
  const [selected, setSelected, clearSelection] = useLexicalNodeSelection(nodeKey);
  const [editingAlt, setEditingAlt] = useState(false);
  const [dragWidth, setDragWidth] = useState<number | null>(null);
  const imgRef = useRef<HTMLImageElement>(null);
  const ratio = props.width && props.height ? props.height / props.width : null;

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          CLICK_COMMAND,
          (event) => {
            if (event.target !== imgRef.current) return false;
            if (!event.shiftKey) clearSelection();
            setSelected(true);
            return true;
          },
          COMMAND_PRIORITY_LOW,
        ),
        ...[KEY_DELETE_COMMAND, KEY_BACKSPACE_COMMAND].map((command) =>
          editor.registerCommand(
            command,
            (event) => {
              if (!selected) return false;
              event.preventDefault();
              editor.update(() => $getNodeByKey(nodeKey)?.remove());
              return true;
            },
            COMMAND_PRIORITY_LOW,
          ),
        ),
      ),
    [editor, nodeKey, selected, setSelected, clearSelection],
  );

  const setWidth = (width: number) => {
    const clamped = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width)));
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if ($isImageNode(node)) node.setSize(clamped, ratio ? Math.round(clamped * ratio) : null);
    });
  };

  const startResize = (event: ReactPointerEvent<HTMLSpanElement>) => {
    event.preventDefault();
    const startX = event.clientX;
    const startWidth = imgRef.current?.getBoundingClientRect().width ?? props.width ?? 300;
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    let latest = startWidth;
    const move = (e: PointerEvent) => {
      latest = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, startWidth + e.clientX - startX));
      setDragWidth(latest);
    };
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      setDragWidth(null);
      setWidth(latest);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  };

  const shownWidth = dragWidth ?? props.width ?? undefined;
  const shownHeight = dragWidth && ratio ? Math.round(dragWidth * ratio) : (props.height ?? undefined);
  return (
    <span className={`ed-image-frame${selected ? ' is-selected' : ''}`}>
      <img ref={imgRef} src={props.src} alt={props.altText} width={shownWidth} height={shownHeight} draggable={false} />
      {selected && (
        <span className="ed-image-tools" contentEditable={false}>
          <button type="button" onClick={() => setEditingAlt(true)}>
            Edit alt text
          </button>
          <button type="button" aria-label="Make picture smaller" onClick={() => setWidth((props.width ?? 300) * 0.8)}>
            −
          </button>
          <button type="button" aria-label="Make picture larger" onClick={() => setWidth((props.width ?? 300) * 1.25)}>
            +
          </button>
          <span className="ed-image-size">{props.width ? `${props.width} px wide` : 'Natural size'}</span>
        </span>
      )}
      {selected && <span className="ed-image-handle" aria-hidden="true" onPointerDown={startResize} />}
      {editingAlt && (
        <AltTextDialog
          title="Picture description"
          initial={props.altText}
          confirmLabel="Save description"
          preview={props.src}
          onCancel={() => setEditingAlt(false)}
          onConfirm={(alt) => {
            setEditingAlt(false);
            editor.update(() => {
              const node = $getNodeByKey(nodeKey);
              if ($isImageNode(node)) node.setAltText(alt);
            });
          }}
        />
      )}
    </span>
  );
}

/** Plugged into the shared ImageNode so it draws with React in the editor only. */
export function registerImageView(): void {
  setImageDecorator((node: ImageNode, editor: LexicalEditor) => {
    // decorate() runs during reconciliation: read the fields directly, not via getLatest().
    return <ImageView editor={editor} nodeKey={node.getKey()} src={node.__src} altText={node.__altText} width={node.__width} height={node.__height} />;
  });
}
