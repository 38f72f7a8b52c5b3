import { useEffect, useState } from 'react';
import type { FolderPurpose } from '../../shared/api/folders.js';
import { host } from '../host/hostClient.js';
import { messageOf } from './messageOf.js';
import { FolderChooser } from '../settings/FolderChooser.js';

/** Is this the desktop app (native dialogs)? Asked once per page. */
let desktop: Promise<boolean> | undefined;
function isDesktop(): Promise<boolean> {
  desktop ??= host.getAppInfo({}).then(
    (info) => info.host === 'electron',
    () => false,
  );
  return desktop;
}

/**
 * "Choose folder…": the desktop app's native folder dialog, or in the browser version the
 * host's own folder chooser (home and the folders it was started with). Either way a folder
 * setting only accepts a folder the user could choose this way (see updateSettings), so a
 * page can never aim the app at a folder the user did not choose.
 */
export function ChooseFolderButton(props: { purpose: FolderPurpose; current?: string; onChosen: (folder: string) => void }) {
  const [native, setNative] = useState<boolean | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void isDesktop().then((yes) => live && setNative(yes));
    return () => {
      live = false;
    };
  }, []);
  if (native === null) return null;
  return (
    <span className="choose-folder">
      <button
        type="button"
        onClick={() => {
          setError(null);
          if (!native) return setChoosing(true);
          host.chooseFolder({ purpose: props.purpose }).then(
            ({ folder }) => folder && props.onChosen(folder),
            (err: unknown) => setError(messageOf(err)),
          );
        }}
      >
        Choose folder…
      </button>
      {choosing && (
        <FolderChooser
          purpose={props.purpose}
          initial={props.current}
          onCancel={() => setChoosing(false)}
          onChosen={(folder) => {
            setChoosing(false);
            props.onChosen(folder);
          }}
        />
      )}
      {error && (
        <span role="alert" className="field-error">
          {' '}
          {error}
        </span>
      )}
    </span>
  );
}
