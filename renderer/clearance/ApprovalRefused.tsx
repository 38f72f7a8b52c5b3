import type { ApprovalCheck } from '../../shared/clearance/approval.js';
import { Dialog } from '../common/Dialog.js';

/**
 * What the clearance gate said about approving: refused, with every reason, or allowed with
 * warnings to confirm (open comments, optional sign-offs not given).
 */
export function ApprovalGateDialog(props: { check: ApprovalCheck; onCancel: () => void; onApprove: () => void }) {
  const { check } = props;
  return (
    <Dialog
      title={check.allowed ? 'Approve with open comments?' : 'This pack cannot be approved yet'}
      onCancel={props.onCancel}
      describedBy="approval-gate-reasons"
      actions={
        check.allowed ? (
          <>
            <button type="button" onClick={props.onCancel} autoFocus>
              Cancel
            </button>
            <button type="button" className="primary" onClick={props.onApprove}>
              Approve anyway
            </button>
          </>
        ) : (
          <button type="button" className="primary" onClick={props.onCancel} autoFocus>
            Close
          </button>
        )
      }
    >
      <div id="approval-gate-reasons">
        {check.blockers.length > 0 && (
          <>
            <p>Approval needs every required sign-off cleared on the content as it is now, and no open suggested changes:</p>
            <ul data-testid="approval-blockers">
              {check.blockers.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
          </>
        )}
        {check.warnings.length > 0 && (
          <ul data-testid="approval-warnings" className="muted">
            {check.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        )}
      </div>
    </Dialog>
  );
}
