import { useEffect, useId, useState } from 'react';
import type { TeamStatus } from '../../shared/api/contract.js';
import { formatDateTime } from '../common/format.js';
import { messageOf } from '../common/messageOf.js';
import { host } from '../host/hostClient.js';
import { describePermissions, type Permission } from '../../shared/collab/roles.js';

/**
 * Settings → Team server (issue 18, point 3): the address, signing in with the account the
 * server's administrator made (`briefing team-server add-user`), and signing out. The back end
 * keeps the session; this shows who is signed in, until when, and plain reasons otherwise.
 */
export function TeamServerSettings() {
  const id = useId();
  const [status, setStatus] = useState<TeamStatus | null>(null);
  const [address, setAddress] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState<string | null>(null);

  const refresh = async () => {
    try {
      const next = await host.teamStatus({});
      setStatus(next);
      setAddress((a) => a || next.address);
      setName((n) => n || next.name);
    } catch (err) {
      setError(messageOf(err));
    }
  };
  useEffect(() => void refresh(), []);

  async function signIn() {
    setError(null);
    setSaid(null);
    if (!address.trim() || !name.trim() || !password) {
      setError('Enter the team server’s address, your name and your password.');
      return;
    }
    setBusy(true);
    try {
      const result = await host.teamSignIn({ address, name, password });
      setPassword('');
      setSaid(`Signed in as ${result.as}.`);
      await refresh();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  async function signOut() {
    setBusy(true);
    setError(null);
    try {
      await host.teamSignOut({});
      setSaid('Signed out of the team server.');
      await refresh();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="settings-form team-settings" aria-labelledby={`${id}-heading`}>
      <fieldset className="group">
        <legend id={`${id}-heading`}>Team server</legend>
        <p className="muted">Work on packs together with colleagues: your council’s team server keeps them. Ask IT for its address and your account.</p>
        {status?.signedIn ? (
          <>
            <p data-testid="team-status">
              Signed in to <strong>{status.origin}</strong> as <strong>{status.as}</strong> ({describePermissions(status.permissions as Permission[])}), until {formatDateTime(status.expiresAt)}.
            </p>
            {status.unreachable && (
              <p className="warning-banner" role="status">
                {status.unreachable}
              </p>
            )}
            <button type="button" onClick={() => void signOut()} disabled={busy}>
              Sign out
            </button>
          </>
        ) : (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void signIn();
            }}
          >
            {status?.reason && <p className="muted">{status.reason}</p>}
            <label className="field">
              <span>Address</span>
              <input value={address} onChange={(e) => setAddress(e.target.value)} placeholder="https://team.sefton.gov.uk" autoComplete="url" maxLength={300} />
            </label>
            <label className="field">
              <span>Account name</span>
              <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="username" maxLength={200} />
            </label>
            <label className="field">
              <span>Password</span>
              <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" maxLength={1000} />
            </label>
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Signing in…' : 'Sign in'}
            </button>
          </form>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        {said && <p role="status">{said}</p>}
      </fieldset>
    </section>
  );
}
