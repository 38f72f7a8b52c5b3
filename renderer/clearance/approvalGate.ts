import { approvalCheck, type ApprovalCheck } from '../../shared/clearance/approval.js';
import type { Pack } from '../../shared/pack/schema.js';
import type { PackStatus } from '../../shared/pack/vocabulary.js';

/**
 * The clearance check a status change asks before it goes ahead: only a move to "approved" is
 * gated. Kept a plain function, apart from the status UI and from the approval confirmation
 * and identity prompt (issue 13b), so each of those can call it first and show its answer.
 */
export function clearanceGate(pack: Pack, to: PackStatus): ApprovalCheck | null {
  return to === 'approved' ? approvalCheck(pack) : null;
}
