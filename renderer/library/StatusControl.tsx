import type { Pack } from '../../shared/pack/schema.js';
import { STATUS_LABELS, type PackStatus } from '../../shared/pack/vocabulary.js';
import { STATUS_ACTION_LABELS, describeStatusChange, lastStatusChange, nextStatuses } from '../../shared/pack/status.js';
import { formatDateTime } from '../common/format.js';

/**
 * The pack's place on the status path, the buttons to move it on (or back to draft), and
 * its recorded history. Shown on the pack screen.
 */
export function StatusControl(props: { pack: Pack; onChange: (to: PackStatus) => void }) {
  const status = props.pack.frontSheet.status;
  const last = lastStatusChange(props.pack);
  const history = props.pack.statusHistory ?? [];
  return (
    <section className="status-control" aria-labelledby="approval-heading">
      {/* Not called "Status": the front sheet's own Status field keeps that label to itself. */}
      <h2 id="approval-heading" className="visually-hidden">
        Review and approval
      </h2>
      <p className="status-line">
        <span className={`badge badge-${status}`}>{STATUS_LABELS[status]}</span>
        {last && (
          <span className="muted" data-testid="last-status-change">
            {' '}
            {describeStatusChange(last)}, {formatDateTime(last.at)}
          </span>
        )}
      </p>
      {status === 'approved' && (
        <p className="read-only-note" role="note">
          This pack is approved, so it is read-only. Set it back to draft to make changes.
        </p>
      )}
      <div className="status-actions">
        {nextStatuses(status).map((to) => (
          <button key={to} type="button" className={to === 'draft' ? '' : 'primary'} onClick={() => props.onChange(to)}>
            {STATUS_ACTION_LABELS[to]}
          </button>
        ))}
      </div>
      {history.length > 0 && (
        <details className="status-history">
          <summary>Status history ({history.length})</summary>
          <ol>
            {[...history].reverse().map((change, i) => (
              <li key={i}>
                {describeStatusChange(change)}, {formatDateTime(change.at)}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
