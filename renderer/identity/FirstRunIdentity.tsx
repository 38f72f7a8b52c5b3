import { useEffect, useState } from 'react';
import { IdentityDialog } from './IdentityDialog.js';
import { identityAsked, markIdentityAsked, readIdentity } from './identity.js';

/**
 * On first launch (no name in settings and never asked in this profile) ask for the user's
 * name and role. Skipped when the settings file could not be read: the library's settings
 * notice comes first, and a status change still asks.
 */
export function FirstRunIdentity() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (identityAsked()) return;
    let live = true;
    void readIdentity().then((who) => {
      if (live && !who.name && !who.settingsNotice) setOpen(true);
    });
    return () => {
      live = false;
    };
  }, []);
  if (!open) return null;
  const close = () => {
    markIdentityAsked();
    setOpen(false);
  };
  return <IdentityDialog why="first-launch" onSaved={close} onCancel={close} />;
}
