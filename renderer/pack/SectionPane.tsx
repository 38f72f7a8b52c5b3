import { Component, memo, type ReactNode } from 'react';
import type { Section } from '../../shared/pack/schema.js';
import { findGamechanger } from '../../shared/gamechangers/index.js';
import type { SerializedEditorStateJson } from '../../shared/richtext/serialized.js';
import { SectionEditor } from '../editor/SectionEditor.js';
import { formatCount } from '../common/format.js';
import { sectionElementId } from '../library/sectionJump.js';

/**
 * The open section: its title, word count against its limit (a gentle warning when over,
 * never a block on typing) and its editor.
 */
export function SectionPane(props: {
  section: Section;
  words: number;
  registerFlush: (flush: () => void) => () => void;
  onDirty: () => void;
  onCommit: (sectionId: string, content: SerializedEditorStateJson) => void;
  onWordCount: (sectionId: string, words: number) => void;
  readOnly?: boolean;
  /** The writing area's zoom, beside the word count (as in Word's status bar). */
  zoomControl?: ReactNode;
}) {
  const { section, words } = props;
  const gamechanger = findGamechanger(section.gamechangerId);
  const limit = section.wordLimit;
  const over = limit !== undefined && words > limit;
  return (
    // The id is where a search result jumps to (renderer/library/sectionJump.ts).
    <section className="section-pane" aria-labelledby="section-title" id={sectionElementId(section.id)}>
      <div className="section-head">
        {gamechanger && <p className="section-kicker">Gamechanger · {gamechanger.shortName}</p>}
        <h2 id="section-title">{section.title || 'Untitled section'}</h2>
        <div className="section-meters">
          <WordMeter words={words} limit={limit} over={over} />
          {props.zoomControl}
        </div>
        {props.readOnly && <p className="notice">This pack is approved, so it is read-only. Set its status back to draft to edit it.</p>}
      </div>
      <EditorBoundary key={section.id}>
        <SectionEditor
          sectionId={section.id}
          title={section.title}
          initialContent={section.content}
          registerFlush={props.registerFlush}
          onDirty={props.onDirty}
          onCommit={props.onCommit}
          onWordCount={props.onWordCount}
          readOnly={props.readOnly ?? false}
        />
      </EditorBoundary>
    </section>
  );
}

const WordMeter = memo(function WordMeter(props: { words: number; limit: number | undefined; over: boolean }) {
  const { words, limit, over } = props;
  return (
    <div className={`word-meter${over ? ' is-over' : ''}`} data-testid="section-words">
      <span>
        {formatCount(words)} {limit !== undefined ? `of ${formatCount(limit)} ` : ''}words
      </span>
      {limit !== undefined && (
        <span className="word-bar" aria-hidden="true">
          <span style={{ width: `${Math.min(100, (words / limit) * 100)}%` }} />
        </span>
      )}
      <span role="status" className="word-warning">
        {over && limit !== undefined ? `${formatCount(words - limit)} words over the ${formatCount(limit)}-word limit. You can keep writing; trim before you export.` : ''}
      </span>
    </div>
  );
});

/** A section whose content the editor cannot load is shown as an error, and left untouched. */
class EditorBoundary extends Component<{ children: ReactNode }, { error: string | null }> {
  override state = { error: null as string | null };
  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  override render() {
    if (this.state.error) {
      return (
        <div className="error-banner" role="alert">
          <p>
            <strong>This section could not be opened in the editor.</strong> Its content has not been changed, and the rest of the pack can still be edited.
          </p>
          <p className="muted">Details: {this.state.error}</p>
        </div>
      );
    }
    return this.props.children;
  }
}
