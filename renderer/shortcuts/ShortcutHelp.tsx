import { useId, useMemo, useState } from 'react';
import { Dialog } from '../common/Dialog.js';
import { SHORTCUTS } from './shortcutList.js';
import { groupShortcuts, isMacPlatform, keysForPlatform } from './shortcutSearch.js';
import './shortcuts.css';

/**
 * Keyboard shortcuts (F1, Ctrl/Cmd+/, Help › Keyboard Shortcuts): every entry of the one
 * shortcut list, grouped, with a search box that narrows it as you type.
 */
export function ShortcutHelp(props: { onClose: () => void }) {
  const [query, setQuery] = useState('');
  const mac = useMemo(isMacPlatform, []);
  const groups = useMemo(() => groupShortcuts(SHORTCUTS, query, mac), [query, mac]);
  const count = groups.reduce((n, g) => n + g.entries.length, 0);
  const searchId = useId();
  return (
    <Dialog
      title="Keyboard shortcuts"
      className="shortcut-help"
      onCancel={props.onClose}
      actions={
        <button type="button" className="primary" onClick={props.onClose}>
          Close
        </button>
      }
    >
      <div className="shortcut-search">
        <label htmlFor={searchId}>Search shortcuts</label>
        <input id={searchId} type="search" autoFocus value={query} onChange={(e) => setQuery(e.target.value)} placeholder="For example: bold, save, Tab" />
      </div>
      <p role="status" className="shortcut-count muted">
        {query.trim() ? `${count === 1 ? '1 shortcut matches' : `${count} shortcuts match`} “${query.trim()}”.` : `${count} shortcuts.`}
      </p>
      <div className="shortcut-groups" tabIndex={0} aria-label="Shortcuts">
        {groups.length === 0 && <p>No shortcut matches. Try another word, such as “save” or “list”.</p>}
        {groups.map(({ group, entries }) => (
          <section key={group} aria-labelledby={`${searchId}-${group}`}>
            <h3 id={`${searchId}-${group}`}>{group}</h3>
            <dl className="shortcut-list">
              {entries.map((entry) => (
                <div key={entry.description} className="shortcut-row">
                  <dt>
                    {entry.keys.map((keys, i) => (
                      <span key={keys}>
                        {i > 0 && <span className="shortcut-or"> or </span>}
                        <kbd>{keysForPlatform(keys, mac)}</kbd>
                      </span>
                    ))}
                  </dt>
                  <dd>{entry.description}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
