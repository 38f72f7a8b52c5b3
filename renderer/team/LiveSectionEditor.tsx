import { memo, useEffect, useMemo } from 'react';
import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import { TabIndentationPlugin } from '@lexical/react/LexicalTabIndentationPlugin';
import type * as Y from 'yjs';
import { SECTION_NODES } from '../../shared/richtext/nodes.js';
import { sectionRootName } from '../../shared/collab/layout.js';
import { isAllowedUrl } from '../editor/urls.js';
import { editorTheme } from '../editor/theme.js';
import { RovingToolbar, Toolbar } from '../editor/Toolbar.js';
import { PastePlugin } from '../editor/PastePlugin.js';
import { HeadingLevelsPlugin } from '../editor/HeadingLevelsPlugin.js';
import { ScrollableTablesPlugin } from '../editor/ScrollableTablesPlugin.js';
import { TableContextMenu } from '../editor/TableContextMenu.js';
import { ReviewPlugins } from '../review/ReviewPlugins.js';
import { ReviewToolbarGroup } from '../review/ReviewToolbarGroup.js';
import { ReviewContextMenu } from '../review/ReviewContextMenu.js';
import { SuggestOnlyPlugin } from './SuggestOnlyPlugin.js';
import type { LivePack } from './livePack.js';
import type { LiveReviewSource } from './liveReviewSource.js';
import '../editor/editor.css';

/**
 * One section of a team pack, live: the same nodes, theme, toolbar and review tools as the
 * local editor, bound to the section's root in the pack's Y.Doc by @lexical/react's
 * CollaborationPlugin (rootName), which brings the others' edits and cursors and gives an undo
 * of one's own changes only (Yjs's UndoManager; no HistoryPlugin here, as the binding asks).
 * Someone who may only suggest gets the review tools alone (formatting is a direct change the
 * server would refuse), with suggesting always on.
 */
export const LiveSectionEditor = memo(function LiveSectionEditor(props: { live: LivePack; reviewSource: LiveReviewSource; sectionId: string; title: string; me: { name: string; color: string }; suggestOnly: boolean; hidden: boolean }) {
  const { live, sectionId, suggestOnly } = props;
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
      return live.providerFor(sectionId);
    },
    [live, sectionId],
  );
  const label = props.title || 'this section';
  return (
    <div className="ed-shell live-section" hidden={props.hidden} data-live-section={sectionId}>
      <LexicalComposer initialConfig={initialConfig}>
        {suggestOnly ? (
          <RovingToolbar label={`Review tools for ${label}`} disabled={false}>
            <ReviewToolbarGroup />
          </RovingToolbar>
        ) : (
          <Toolbar label={`Formatting for ${label}`} extra={<ReviewToolbarGroup />} />
        )}
        <div className="ed-surface">
          <RichTextPlugin
            contentEditable={<ContentEditable className="ed-content" aria-label={`${props.title || 'Section'} text`} aria-multiline spellCheck lang="en-GB" data-section-editor={sectionId} />}
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        <ListPlugin />
        <LinkPlugin validateUrl={isAllowedUrl} />
        <ScrollableTablesPlugin />
        <TablePlugin hasCellBackgroundColor={false} hasHorizontalScroll />
        <HeadingLevelsPlugin />
        <PastePlugin />
        {suggestOnly ? <SuggestOnlyPlugin /> : <TabIndentationPlugin maxIndent={5} />}
        {!suggestOnly && <TableContextMenu />}
        <ReviewPlugins sectionId={sectionId} />
        <ReviewContextMenu />
        <RegisterWithReview source={props.reviewSource} sectionId={sectionId} />
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

/** The review source reads this section's text from its editor. */
function RegisterWithReview(props: { source: LiveReviewSource; sectionId: string }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => props.source.registerEditor(props.sectionId, editor), [props.source, props.sectionId, editor]);
  return null;
}
