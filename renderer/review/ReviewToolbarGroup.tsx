import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalEditable } from '@lexical/react/useLexicalEditable';
import { useReview, useReviewState } from './ReviewContext.js';
import { ADD_COMMENT_COMMAND, NEXT_CHANGE_COMMAND } from './commands.js';

const IS_APPLE = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = IS_APPLE ? '⌘' : 'Ctrl+';
const MOD_ARIA = IS_APPLE ? 'Meta' : 'Control';

/**
 * The review controls in a section's toolbar: comment, suggesting mode, previous / next change
 * and the "Show changes" / "Final" view. Buttons keep the editor's selection (no focus move
 * on mouse down), like the other toolbar buttons.
 */
export function ReviewToolbarGroup() {
  const [editor] = useLexicalComposerContext();
  const editable = useLexicalEditable();
  const review = useReview();
  const mode = useReviewState(review, (s) => s.mode, 'editing');
  const view = useReviewState(review, (s) => s.view, 'changes');
  const suggestOnly = useReviewState(review, (s) => s.suggestOnly, false);
  if (!review) return null;
  const keep = (e: React.MouseEvent) => e.preventDefault();
  return (
    <div className="tb-group tb-review" role="group" aria-label="Review">
      <button type="button" className="tb-button tb-wide" title={`Comment (${MOD}Alt+M)`} aria-keyshortcuts={`${MOD_ARIA}+Alt+M`} disabled={!editable} onMouseDown={keep} onClick={() => editor.dispatchCommand(ADD_COMMENT_COMMAND, undefined)}>
        <span className="tb-text">Comment</span>
      </button>
      <button
        type="button"
        className={`tb-button tb-wide${mode === 'suggesting' ? ' is-suggesting' : ''}`}
        aria-pressed={mode === 'suggesting'}
        title={suggestOnly ? 'Suggesting: your account may only suggest changes' : `Suggesting: track changes as suggestions (${MOD}Shift+E)`}
        aria-keyshortcuts={suggestOnly ? undefined : `${MOD_ARIA}+Shift+E`}
        aria-disabled={suggestOnly || undefined}
        disabled={!editable}
        onMouseDown={keep}
        onClick={() => !suggestOnly && review.setMode(mode === 'suggesting' ? 'editing' : 'suggesting')}
      >
        <span className="tb-text">Suggesting</span>
      </button>
      <button type="button" className="tb-button" aria-label="Previous change" title={`Previous change (${MOD}Alt+P)`} aria-keyshortcuts={`${MOD_ARIA}+Alt+P`} onMouseDown={keep} onClick={() => editor.dispatchCommand(NEXT_CHANGE_COMMAND, false)}>
        <span aria-hidden="true" className="tb-icon">‹</span>
      </button>
      <button type="button" className="tb-button" aria-label="Next change" title={`Next change (${MOD}Alt+N)`} aria-keyshortcuts={`${MOD_ARIA}+Alt+N`} onMouseDown={keep} onClick={() => editor.dispatchCommand(NEXT_CHANGE_COMMAND, true)}>
        <span aria-hidden="true" className="tb-icon">›</span>
      </button>
      <select aria-label="Changes view" className="tb-select" value={view} onChange={(e) => review.setView(e.target.value === 'final' ? 'final' : 'changes')}>
        <option value="changes">Show changes</option>
        <option value="final">Final</option>
      </select>
    </div>
  );
}
