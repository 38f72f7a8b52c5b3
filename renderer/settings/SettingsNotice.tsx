import { useEffect, useState } from 'react';
import { host } from '../host/hostClient.js';

/** Shown in the library when settings.json could not be read and defaults are in use. */
export function SettingsNotice(props: { onOpenSettings?: () => void }) {
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    host.getSettingsState({}).then(
      (state) => !cancelled && setNotice(state.notice),
      () => undefined, // the library shows its own errors; this notice is a courtesy
    );
    return () => {
      cancelled = true;
    };
  }, []);
  if (!notice) return null;
  return (
    <p className="error-banner" data-testid="library-settings-notice">
      {notice}{' '}
      {props.onOpenSettings && (
        <button type="button" className="link-button" onClick={props.onOpenSettings}>
          Open settings
        </button>
      )}
    </p>
  );
}
