import { useId, useState } from 'react';
import type { SignOffRequirement } from '../../shared/clearance/schema.js';
import { signOffProblem, type SignOffInput } from '../../shared/clearance/recordSignOff.js';
import { DECISION_LABELS } from '../../shared/clearance/signOffState.js';
import { SIGN_OFF_DECISIONS, type SignOffDecision } from '../../shared/clearance/vocabulary.js';
import type { Pack } from '../../shared/pack/schema.js';
import { Dialog } from '../common/Dialog.js';

/**
 * Record one sign-off: who (name and role, from settings to start with), the decision, the
 * officer's reference (e.g. "FD 1234/26") and a comment. The time, the pack version and the
 * content it clears are added when it is saved.
 */
export function SignOffDialog(props: {
  pack: Pack;
  requirement: SignOffRequirement;
  initialBy: { name: string; role: string };
  onCancel: () => void;
  onSave: (input: SignOffInput) => void;
}) {
  const id = useId();
  const [name, setName] = useState(props.initialBy.name);
  const [role, setRole] = useState(props.initialBy.role);
  const [decision, setDecision] = useState<SignOffDecision>('cleared');
  const [reference, setReference] = useState('');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input: SignOffInput = { requirementId: props.requirement.id, by: { name, role }, decision, reference, comment };
  const save = () => {
    const problem = signOffProblem(props.pack, input);
    if (problem) setError(problem);
    else props.onSave(input);
  };
  return (
    <Dialog
      title={`Sign-off: ${props.requirement.title}`}
      onCancel={props.onCancel}
      className="sign-off-dialog"
      actions={
        <>
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="button" className="primary" onClick={save}>
            Record sign-off
          </button>
        </>
      }
    >
      <p className="muted small">It is recorded against the pack as it reads now (version {props.pack.frontSheet.version || 'not set'}). A later change to the content marks it “needs clearing again”.</p>
      <label className="field">
        <span>Name</span>
        <input value={name} onChange={(e) => setName(e.target.value)} autoFocus maxLength={200} />
      </label>
      <label className="field">
        <span>Role</span>
        <input value={role} onChange={(e) => setRole(e.target.value)} maxLength={200} placeholder={props.requirement.title} />
      </label>
      <fieldset className="group sign-off-decision">
        <legend>Decision</legend>
        {SIGN_OFF_DECISIONS.map((d) => (
          <label key={d}>
            <input type="radio" name={`${id}-decision`} value={d} checked={decision === d} onChange={() => setDecision(d)} /> {DECISION_LABELS[d]}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>Reference</span>
        <input value={reference} onChange={(e) => setReference(e.target.value)} maxLength={100} placeholder="e.g. FD 1234/26" />
      </label>
      <label className="field">
        <span>Comment{decision === 'cleared' ? ' (optional)' : ''}</span>
        <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={3} maxLength={20_000} />
      </label>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </Dialog>
  );
}
