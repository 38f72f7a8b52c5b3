import { forwardRef } from 'react';

const SHORTCUT = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘F' : 'Ctrl+F';

/** The library's search field. Ctrl/Cmd+F focuses it (see LibraryScreen). */
export const SearchBox = forwardRef<HTMLInputElement, { value: string; onChange: (value: string) => void; busy: boolean }>(function SearchBox(props, ref) {
  return (
    <form role="search" className="library-search" onSubmit={(e) => e.preventDefault()}>
      <label htmlFor="library-search-input">Search packs</label>
      <input
        ref={ref}
        id="library-search-input"
        type="search"
        value={props.value}
        placeholder="Words in titles, front sheets or sections"
        aria-keyshortcuts="Control+F Meta+F"
        aria-describedby="library-search-hint"
        maxLength={500}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => props.onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && props.value) {
            e.preventDefault();
            props.onChange('');
          }
        }}
      />
      <span id="library-search-hint" className="hint">
        {props.busy ? 'Searching…' : `${SHORTCUT} to search from anywhere in the library; Escape clears.`}
      </span>
    </form>
  );
});
