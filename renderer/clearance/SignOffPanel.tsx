import { useState } from 'react';
import type { SignOffInput } from '../../shared/clearance/recordSignOff.js';
import { DECISION_LABELS, STANDING_LABELS, type RequirementState } from '../../shared/clearance/signOffState.js';
import type { Pack } from '../../shared/pack/schema.js';
import { formatDateTime } from '../common/format.js';
import { currentAuthor } from '../library/currentAuthor.js';
import { SignOffDialog } from './SignOffDialog.js';
import { SignOffListDialog } from './SignOffListDialog.js';
import type { RequirementDraft } from '../../shared/clearance/editRequirements.js';
import { useClearanceStates } from './useClearance.js';
import './clearance.css';

/**
 * The sign-offs the pack needs (from its template), each with where it stands: awaiting,
 * current (who, role, decision, reference, comment, when, which version) or "needs clearing
 * again" after the content changed. Recording one is open to whoever is at the keyboard, as
 * clearance is by email today; the record says who.
 */
export function SignOffPanel(props: { pack: Pack; readOnly: boolean; onRecord: (input: SignOffInput) => void; onChangeList: (list: RequirementDraft[]) => void; beforeRecord?: () => void }) {
  const states = useClearanceStates(props.pack);
  const [recording, setRecording] = useState<{ requirementId: string; by: { name: string; role: string } } | null>(null);
  const [editing, setEditing] = useState(false);
  const listDialog = editing && (
    <SignOffListDialog
      required={props.pack.clearance.required}
      onCancel={() => setEditing(false)}
      onSave={(list) => {
        setEditing(false);
        props.onChangeList(list);
      }}
    />
  );
  const changeButton = (
    <button type="button" className="sign-offs-change" disabled={props.readOnly} onClick={() => setEditing(true)}>
      Change the sign-offs…
    </button>
  );
  if (props.pack.clearance.required.length === 0) {
    return (
      <section className="sign-offs" aria-labelledby="sign-offs-heading">
        <p className="sign-offs-none">
          <span>
            <strong id="sign-offs-heading">Sign-offs</strong> <span className="muted">none needed for this pack</span>
          </span>
          {changeButton}
        </p>
        {listDialog}
      </section>
    );
  }
  const current = states?.filter((s) => s.clears).length;
  const stale = states?.filter((s) => s.standing === 'needs-clearing-again').length ?? 0;
  const requirement = recording ? props.pack.clearance.required.find((r) => r.id === recording.requirementId) : undefined;
  const open = async (requirementId: string) => {
    props.beforeRecord?.();
    const author = await currentAuthor();
    setRecording({ requirementId, by: { name: author.name, role: author.role ?? '' } });
  };
  return (
    <section className="sign-offs" aria-labelledby="sign-offs-heading">
      <details open={stale > 0 || undefined}>
        <summary>
          <h2 id="sign-offs-heading" className="sign-offs-title">
            Sign-offs
          </h2>{' '}
          <span className="muted" data-testid="sign-off-summary">
            {states === null ? '' : `${current} of ${states.length} cleared on the current content${stale ? `, ${stale} need${stale === 1 ? 's' : ''} clearing again` : ''}`}
          </span>
        </summary>
        <ul className="sign-off-list">
          {props.pack.clearance.required.map((r, i) => (
            <SignOffRow key={r.id} state={states?.[i] ?? null} title={r.title} optional={!r.required} readOnly={props.readOnly} onRecord={() => void open(r.id)} />
          ))}
        </ul>
        {changeButton}
      </details>
      {listDialog}
      {recording && requirement && (
        <SignOffDialog
          pack={props.pack}
          requirement={requirement}
          initialBy={recording.by}
          onCancel={() => setRecording(null)}
          onSave={(input) => {
            setRecording(null);
            props.onRecord(input);
          }}
        />
      )}
    </section>
  );
}

function SignOffRow(props: { state: RequirementState | null; title: string; optional: boolean; readOnly: boolean; onRecord: () => void }) {
  const s = props.state;
  const latest = s?.latest ?? null;
  return (
    <li className="sign-off" data-testid="sign-off">
      <div className="sign-off-head">
        <strong>{props.title}</strong>
        {props.optional && <span className="muted small"> (optional)</span>}{' '}
        {s && <span className={`badge badge-standing-${s.standing}${latest && latest.decision === 'not-cleared' && s.standing === 'current' ? ' badge-refused' : ''}`}>{latest && s.standing === 'current' ? DECISION_LABELS[latest.decision] : STANDING_LABELS[s.standing]}</span>}
        <button type="button" className="sign-off-record" disabled={props.readOnly} onClick={props.onRecord} aria-label={`Record sign-off: ${props.title}`}>
          {latest ? 'Sign off again…' : 'Record sign-off…'}
        </button>
      </div>
      {latest && (
        <p className="sign-off-detail small">
          {DECISION_LABELS[latest.decision]} by {latest.by.name}
          {latest.by.role && ` (${latest.by.role})`}
          {latest.reference && `, ref. ${latest.reference}`}, {formatDateTime(latest.at)}, version {latest.packVersion || 'not set'}
          {s?.standing === 'needs-clearing-again' && <span className="sign-off-stale"> The content has changed since.</span>}
        </p>
      )}
      {latest?.comment && <blockquote className="sign-off-comment small">{latest.comment}</blockquote>}
    </li>
  );
}
