import { memo, useCallback, useMemo, useRef } from 'react';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { createEmptyHistoryState } from '@lexical/history';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { AutoLinkPlugin, createLinkMatcherWithRegExp } from '@lexical/react/LexicalAutoLinkPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import { TabIndentationPlugin } from '@lexical/react/LexicalTabIndentationPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { SECTION_NODES } from '../../shared/richtext/nodes.js';
import type { SerializedEditorStateJson } from '../../shared/richtext/serialized.js';
import { editorTheme } from './theme.js';
import { isAllowedUrl } from './urls.js';
import { SECTION_MARKDOWN_TRANSFORMERS } from './markdown.js';
import { HeadingLevelsPlugin } from './HeadingLevelsPlugin.js';
import { PastePlugin } from './PastePlugin.js';
import { SaveTrackingPlugin } from './SaveTrackingPlugin.js';
import { WordCountPlugin } from './WordCountPlugin.js';
import { LoadContentPlugin } from './LoadContentPlugin.js';
import { ScrollableTablesPlugin } from './ScrollableTablesPlugin.js';
import { prepareSectionLoad } from './sectionLoad.js';
import { EditablePlugin } from './EditablePlugin.js';
import { Toolbar } from './Toolbar.js';
import { registerImageView } from './ImageComponent.js';
import { InsertContentPlugin } from '../import/InsertContentPlugin.js';
import { TableContextMenu } from './TableContextMenu.js';
import { ReviewPlugins } from '../review/ReviewPlugins.js';
import { ReviewToolbarGroup } from '../review/ReviewToolbarGroup.js';
import { ReviewContextMenu } from '../review/ReviewContextMenu.js';
import { LeaveEditorPlugin } from './LeaveEditorPlugin.js';
import { FindPlugin } from '../find/FindPlugin.js';
import './editor.css';

registerImageView();

const URL_MATCHER = /((https?:\/\/(www\.)?)|(www\.))[-a-zA-Z0-9@:%._+~#=]{1,256}\.[a-zA-Z0-9()]{1,6}\b([-a-zA-Z0-9()@:%_+.~#?&//=]*)(?<![.,;:!?)])/;
// Deliberately simple: the usual RFC-style email pattern backtracks badly on long text
// (it cost ~180 ms when opening a 14,000-word section), and AutoLink runs on every text node.
const EMAIL_MATCHER = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
const urlMatcher = createLinkMatcherWithRegExp(URL_MATCHER, (text) => (text.startsWith('http') ? text : `https://${text}`));
const emailMatcher = createLinkMatcherWithRegExp(EMAIL_MATCHER, (text) => `mailto:${text}`);
/** Cheap pre-checks first: most text has no "@" and no "www."/"http". */
const AUTOLINK_MATCHERS = [
  (text: string) => (/https?:\/\/|www\./i.test(text) ? urlMatcher(text) : null),
  (text: string) => (text.includes('@') ? emailMatcher(text) : null),
];

export interface SectionEditorProps {
  sectionId: string;
  title: string;
  /** The section's saved content; read once when the editor mounts. */
  initialContent: SerializedEditorStateJson;
  registerFlush: (flush: () => void) => () => void;
  onDirty: () => void;
  onCommit: (sectionId: string, content: SerializedEditorStateJson) => void;
  onWordCount: (sectionId: string, words: number) => void;
  /** Approved packs are read-only: the text can be read and copied, not changed. */
  readOnly: boolean;
}

/**
 * One section's editor: official @lexical/* plugins (rich text, history, lists, links with
 * autolink, tables, tab indentation, markdown shortcuts) plus our paste cleaning, heading
 * levels, image node and save tracking. Memoised: the pack screen re-rendering (word
 * counts, save status) never re-renders the editor.
 */
export const SectionEditor = memo(function SectionEditor(props: SectionEditorProps) {
  const { sectionId } = props;
  const shell = useRef<HTMLDivElement>(null);
  const exit = useRef<HTMLSpanElement>(null);
  const exitTarget = useCallback(() => exit.current, []);
  const hintId = `ed-leave-hint-${sectionId}`;
  // Content is only read at mount: the editor owns it from then on.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const section = useMemo(() => prepareSectionLoad(props.initialContent), [sectionId]);
  // Held here so find's "Replace all" can put its step on the undo stack (FindPlugin).
  const history = useMemo(() => createEmptyHistoryState(), [sectionId]);
  const initialConfig = useMemo<InitialConfigType>(
    () => ({
      namespace: `section-${sectionId}`,
      nodes: [...SECTION_NODES],
      theme: editorTheme,
      onError: (error) => {
        // Lexical recovers by resetting to the last good state; keep a trace for support.
        console.error('Editor error', error);
      },
      // The first slice of the section, put in as the editor is made; LoadContentPlugin
      // (mounted after every other plugin) brings the rest. Plugins that register node
      // transforms re-run them over what is already there, which is only that first slice.
      editorState: section.initialEditorState,
      // Editable from the start (the editor is made with its content, and the pack screen is
      // rendered, committed and its effects run in one task, so nothing can be typed before
      // the plugins are in place); EditablePlugin follows the read-only state from then on.
      editable: !props.readOnly,
    }),
    [sectionId, section],
  );

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <div className="ed-shell" ref={shell}>
        <Toolbar label={`Formatting for ${props.title || 'this section'}`} extra={<ReviewToolbarGroup />} />
        <div className="ed-surface">
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                className="ed-content"
                aria-label={`${props.title || 'Section'} text`}
                aria-multiline
                aria-describedby={hintId}
                spellCheck
                lang="en-GB"
                data-section-editor={sectionId}
                aria-placeholder="Write the local angle here…"
                placeholder={<div className="ed-placeholder">Write the local angle here…</div>}
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        <span id={hintId} className="visually-hidden">
          To leave the text, press Escape, then Tab.
        </span>
        {/* Where Escape puts focus: says so while focused, then Tab goes on past the editor. */}
        <span ref={exit} tabIndex={-1} className="ed-exit" data-editor-exit={sectionId}>
          Left the text. Tab goes on to the next control; Shift+Tab goes back to the toolbar; click in the text to write again.
        </span>
      </div>
      <HistoryPlugin externalHistoryState={history} />
      <ListPlugin />
      <LinkPlugin validateUrl={isAllowedUrl} />
      <AutoLinkPlugin matchers={AUTOLINK_MATCHERS} />
      <ScrollableTablesPlugin />
      <TablePlugin hasCellBackgroundColor={false} hasHorizontalScroll />
      <TabIndentationPlugin maxIndent={5} />
      <MarkdownShortcutPlugin transformers={SECTION_MARKDOWN_TRANSFORMERS} />
      <HeadingLevelsPlugin />
      <PastePlugin />
      <SaveTrackingPlugin registerFlush={props.registerFlush} onDirty={props.onDirty} onCommit={(content) => props.onCommit(sectionId, content)} />
      <WordCountPlugin onCount={(words) => props.onWordCount(sectionId, words)} />
      <LoadContentPlugin section={section} interactionRoot={shell} />
      <EditablePlugin editable={!props.readOnly} />
      <InsertContentPlugin sectionId={sectionId} />
      <TableContextMenu />
      <ReviewPlugins sectionId={sectionId} />
      <ReviewContextMenu />
      <LeaveEditorPlugin exitTarget={exitTarget} />
      <FindPlugin sectionId={sectionId} history={history} initialContent={props.initialContent} />
    </LexicalComposer>
  );
});
