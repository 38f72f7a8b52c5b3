import { useEffect, useRef, useState } from 'react';
import { Dialog } from '../common/Dialog.js';
import { messageOf } from '../common/messageOf.js';
import type { StatusActor } from '../../shared/pack/status.js';
import { saveIdentity } from './identity.js';

/**
 * Ask for the user's name and role, kept in settings and recorded on locks, status changes and
 * versions. `why` says what it is for at this moment (first launch, or a status change that
 * needs a name). The name is required to save; "Not now" / "Cancel" leaves settings alone.
 */
export function IdentityDialog(props: { why: 'first-launch' | 'status-change'; initial?: StatusActor; onSaved: (who: StatusActor) => void; onCancel: () => void }) {
  const [name, setName] = useState(props.initial?.name ?? '');
  const [role, setRole] = useState(props.initial?.role ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const missing = tried && !name.trim();
  const nameRef = useRef<HTMLInputElement>(null);
  // After the Dialog's showModal (a child's effect runs first): the name field has the focus.
  useEffect(() => nameRef.current?.focus(), []);

  async function submit() {
    setTried(true);
    if (!name.trim()) return;
    setBusy(true);
    try {
      props.onSaved(await saveIdentity(name, role));
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={props.why === 'first-launch' ? 'Welcome to Briefing Studio' : 'Who is making this change?'}
      onCancel={props.onCancel}
      describedBy="identity-why"
      actions={
        <>
          <button type="button" onClick={props.onCancel} disabled={busy}>
            {props.why === 'first-launch' ? 'Not now' : 'Cancel'}
          </button>
          <button type="submit" form="identity-form" className="primary" disabled={busy}>
            {props.why === 'first-launch' ? 'Save' : 'Save and continue'}
          </button>
        </>
      }
    >
      <p id="identity-why">
        {props.why === 'first-launch'
          ? 'Tell us your name and role. They are recorded when you change a pack’s status, on versions you save, and shown to colleagues when you have a pack open. You can change them later in Settings.'
          : 'Status changes are recorded with who made them. Enter your name and role; they are kept in Settings for next time.'}
      </p>
      <form
        id="identity-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label className={`field${missing ? ' field-invalid' : ''}`}>
          <span>Your name</span>
          <input
            ref={nameRef}
            value={name}
            maxLength={200}
            autoComplete="name"
            required
            aria-invalid={missing}
            aria-describedby={missing ? 'identity-name-error' : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          {missing && (
            <span id="identity-name-error" className="field-error">
              Enter your name.
            </span>
          )}
        </label>
        <label className="field">
          <span>Your role</span>
          <input value={role} maxLength={200} autoComplete="organization-title" placeholder="For example: Policy officer" onChange={(e) => setRole(e.target.value)} />
        </label>
      </form>
      {error && (
        <p role="alert" className="error-banner">
          {error}
        </p>
      )}
    </Dialog>
  );
}
