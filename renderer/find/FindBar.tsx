import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { FindController } from './findController.js';
import { useFindState } from './FindContext.js';
import './find.css';

/**
 * The pack's find and replace bar (Ctrl/Cmd+F, Ctrl/Cmd+H), under the pack's action row:
 * the count of matches across every section, next and previous (Enter, Shift+Enter, F3),
 * match case, whole words, and replace one or all. Escape closes it and puts the caret on the
 * match the user was on, as Word does.
 */
export function FindBar(props: { find: FindController }) {
  const { find } = props;
  const state = useFindState(find);
  const input = useRef<HTMLInputElement>(null);
  const focusRequest = state?.focusRequest ?? 0;
  useEffect(() => {
    if (!state?.open) return;
    input.current?.focus();
    input.current?.select();
    // Only when asked (opening, Ctrl+F again), never on each change of the state.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest]);
  if (!state?.open) return null;

  const { ordinal, total } = find.position();
  const blocked = find.replaceBlocked();
  const countText = !state.query ? '' : total === 0 ? 'No matches' : ordinal ? `${ordinal} of ${total}` : `${total} match${total === 1 ? '' : 'es'}`;

  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      find.close();
    } else if (event.key === 'Enter' && event.target === input.current) {
      event.preventDefault();
      if (event.shiftKey) find.previous();
      else find.next();
    }
  };

  return (
    <div role="search" className="find-bar" aria-label="Find and replace in this pack" onKeyDown={onKey}>
      <div className="find-row">
        <button
          type="button"
          className="find-expand"
          aria-expanded={state.replaceShown}
          aria-controls="find-replace-row"
          onClick={() => find.toggleReplace()}
          title={state.replaceShown ? 'Hide replace' : 'Show replace (Ctrl+H)'}
          aria-label="Show replace"
        >
          {state.replaceShown ? '▾' : '▸'}
        </button>
        <label className="visually-hidden" htmlFor="find-query">
          Find in this pack
        </label>
        <input
          id="find-query"
          ref={input}
          type="search"
          className="find-input"
          placeholder="Find in this pack"
          value={state.query}
          onChange={(e) => find.setQuery(e.target.value)}
          aria-describedby="find-count"
          autoComplete="off"
          spellCheck={false}
        />
        <span id="find-count" className="find-count" role="status" aria-live="polite">
          {countText}
        </span>
        <button type="button" onClick={find.previous} disabled={!total} aria-label="Previous match" title="Previous match (Shift+Enter, Shift+F3)">
          ↑
        </button>
        <button type="button" onClick={find.next} disabled={!total} aria-label="Next match" title="Next match (Enter, F3)">
          ↓
        </button>
        <label className="find-option">
          <input type="checkbox" checked={state.options.matchCase} onChange={(e) => find.setOptions({ matchCase: e.target.checked })} /> Match case
        </label>
        <label className="find-option">
          <input type="checkbox" checked={state.options.wholeWord} onChange={(e) => find.setOptions({ wholeWord: e.target.checked })} /> Whole words
        </label>
        <button type="button" className="find-close" onClick={() => find.close()} aria-label="Close find" title="Close (Escape)">
          ✕
        </button>
      </div>
      {state.replaceShown && (
        <div className="find-row" id="find-replace-row">
          <span className="find-expand-spacer" aria-hidden="true" />
          <label className="visually-hidden" htmlFor="find-replacement">
            Replace with
          </label>
          <input
            id="find-replacement"
            type="text"
            className="find-input"
            placeholder="Replace with"
            value={state.replacement}
            onChange={(e) => find.setReplacement(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !blocked) {
                e.preventDefault();
                find.replaceOne();
              }
            }}
            autoComplete="off"
            aria-describedby={blocked ? 'find-blocked' : undefined}
          />
          <button type="button" onClick={find.replaceOne} disabled={!total || blocked !== null}>
            Replace
          </button>
          <button type="button" onClick={find.replaceAll} disabled={!total || blocked !== null}>
            Replace all
          </button>
          {blocked && (
            <span id="find-blocked" className="find-note">
              {blocked}
            </span>
          )}
        </div>
      )}
      {state.message && (
        <p className="find-note find-message" role="status">
          {state.message}
        </p>
      )}
    </div>
  );
}
