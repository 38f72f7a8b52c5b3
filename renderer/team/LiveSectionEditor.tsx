import { memo, useMemo } from 'react';
import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import type * as Y from 'yjs';
import { SECTION_NODES } from '../../shared/richtext/nodes.js';
import { sectionRootName } from '../../shared/collab/layout.js';
import { isAllowedUrl } from '../editor/urls.js';
import { editorTheme } from '../editor/theme.js';
import type { LivePack } from './livePack.js';

/**
 * One section of a team pack, live: the same nodes and theme as the local editor, bound to the
 * section's root in the pack's Y.Doc by @lexical/react's CollaborationPlugin (rootName), which
 * brings the others' edits and cursors and gives an undo of one's own changes only (Yjs's
 * UndoManager; no HistoryPlugin here, as the binding asks).
 */
export const LiveSectionEditor = memo(function LiveSectionEditor(props: { live: LivePack; sectionId: string; title: string; me: { name: string; color: string }; hidden: boolean }) {
  const { live, sectionId } = props;
  const initialConfig = useMemo<InitialConfigType>(
    () => ({
      namespace: `live-${sectionId}`,
      nodes: [...SECTION_NODES],
      theme: editorTheme,
      // The binding fills the editor from the Y.Doc; nothing is put in locally.
      editorState: null,
      onError: (error) => console.error('Live editor error', error),
    }),
    [sectionId],
  );
  const providerFactory = useMemo(
    () => (id: string, docMap: Map<string, Y.Doc>) => {
      docMap.set(id, live.doc);
      return live.providerFor();
    },
    [live],
  );
  return (
    <div className="ed-shell live-section" hidden={props.hidden} data-live-section={sectionId}>
      <LexicalComposer initialConfig={initialConfig}>
        <div className="ed-surface">
          <RichTextPlugin
            contentEditable={<ContentEditable className="ed-content" aria-label={`${props.title || 'Section'} text`} aria-multiline spellCheck lang="en-GB" data-section-editor={sectionId} />}
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        <ListPlugin />
        <LinkPlugin validateUrl={isAllowedUrl} />
        <TablePlugin hasCellBackgroundColor={false} hasHorizontalScroll />
        <CollaborationPlugin
          id={sectionId}
          rootName={sectionRootName(sectionId)}
          providerFactory={providerFactory}
          shouldBootstrap={false}
          username={props.me.name}
          cursorColor={props.me.color}
        />
      </LexicalComposer>
    </div>
  );
});
