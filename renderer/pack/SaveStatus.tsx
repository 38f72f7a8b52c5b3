import type { SaveState } from './usePackDocument.js';
import { formatTime } from '../common/format.js';

/** The save state in words, announced politely to screen readers. */
export function SaveStatus(props: { state: SaveState; onRetry: () => void }) {
  const { state } = props;
  return (
    <div className={`save-status save-${state.kind}`} role="status" aria-live="polite" data-testid="save-status" data-state={state.kind}>
      {state.kind === 'saved' && (state.at ? `Saved at ${formatTime(state.at)}` : 'Saved')}
      {state.kind === 'saving' && 'Saving…'}
      {state.kind === 'unsaved' && 'Unsaved changes'}
      {state.kind === 'error' && (
        <>
          <span>Not saved: {state.message}</span>{' '}
          <button type="button" onClick={props.onRetry}>
            Try again
          </button>
        </>
      )}
    </div>
  );
}
