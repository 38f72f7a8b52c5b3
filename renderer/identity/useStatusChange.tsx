import { useState, type ReactNode } from 'react';
import type { Pack } from '../../shared/pack/schema.js';
import type { PackStatus } from '../../shared/pack/vocabulary.js';
import type { StatusActor } from '../../shared/pack/status.js';
import { ConfirmDialog } from '../common/ConfirmDialog.js';
import { IdentityDialog } from './IdentityDialog.js';
import { readIdentity } from './identity.js';

type Flow = { to: PackStatus; step: 'identity' } | { to: PackStatus; step: 'confirm-approve'; who: StatusActor } | null;

/**
 * A status change as a member expects it: recorded with who made it (asked for first when
 * settings have no name), and approval confirmed in a dialog that names the pack and its
 * version, since an approved pack becomes read-only. `apply` makes the change once everything
 * is known. Returns the function to start a change and the dialogs to render.
 */
export function useStatusChange(pack: Pack | null, apply: (to: PackStatus, who: StatusActor) => void): { request: (to: PackStatus) => void; dialogs: ReactNode } {
  const [flow, setFlow] = useState<Flow>(null);

  function next(to: PackStatus, who: StatusActor) {
    if (to === 'approved') setFlow({ to, step: 'confirm-approve', who });
    else {
      setFlow(null);
      apply(to, who);
    }
  }

  const request = (to: PackStatus) => {
    void readIdentity().then((who) => (who.name ? next(to, who) : setFlow({ to, step: 'identity' })));
  };

  let dialogs: ReactNode = null;
  if (flow?.step === 'identity') {
    dialogs = <IdentityDialog why="status-change" onCancel={() => setFlow(null)} onSaved={(who) => next(flow.to, who)} />;
  } else if (flow?.step === 'confirm-approve' && pack) {
    const title = pack.frontSheet.title || 'Untitled briefing';
    const version = pack.frontSheet.version.trim();
    const who = `${flow.who.name}${flow.who.role ? ` (${flow.who.role})` : ''}`;
    dialogs = (
      <ConfirmDialog
        title={`Approve “${title}”${version ? `, version ${version}` : ''}?`}
        message={`This records that ${who} approved “${title}”${version ? ` version ${version}` : ' (no version number is set on the front sheet)'}, with today’s date and time. An approved pack is read-only until someone sets it back to draft.`}
        confirmLabel="Approve"
        onCancel={() => setFlow(null)}
        onConfirm={() => {
          setFlow(null);
          apply('approved', flow.who);
        }}
      />
    );
  }
  return { request, dialogs };
}
