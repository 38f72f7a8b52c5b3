import { useEffect, useState } from 'react';
import { host } from '../host/hostClient.js';
import { messageOf } from './messageOf.js';

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
 * "Choose folder…": the desktop app's native folder dialog. In the desktop app a folder
 * setting only accepts a folder picked this way (see chooseFolder in the host contract), so a
 * page can never aim the app at a folder the user did not choose. Renders nothing in the
 * browser version, where the path is typed.
 */
export function ChooseFolderButton(props: { purpose: 'workspace' | 'sharedTemplates'; onChosen: (folder: string) => void }) {
  const [show, setShow] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void isDesktop().then((yes) => live && setShow(yes));
    return () => {
      live = false;
    };
  }, []);
  if (!show) return null;
  return (
    <span className="choose-folder">
      <button
        type="button"
        onClick={() => {
          setError(null);
          host.chooseFolder({ purpose: props.purpose }).then(
            ({ folder }) => folder && props.onChosen(folder),
            (err: unknown) => setError(messageOf(err)),
          );
        }}
      >
        Choose folder…
      </button>
      {error && (
        <span role="alert" className="field-error">
          {' '}
          {error}
        </span>
      )}
    </span>
  );
}
