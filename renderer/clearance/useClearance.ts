import { useDeferredValue, useMemo } from 'react';
import { contentHashOf } from '../../shared/clearance/contentHash.js';
import { requirementStates, type RequirementState } from '../../shared/clearance/signOffState.js';
import type { Pack } from '../../shared/pack/schema.js';

/**
 * The sign-off states of the open pack. Hashing a long pack takes milliseconds, so it runs in
 * a deferred render after the pack has painted (null until then) and again after each change.
 */
export function useClearanceStates(pack: Pack): RequirementState[] | null {
  const deferred = useDeferredValue<Pack | null>(pack, null);
  return useMemo(() => (deferred && deferred.clearance.required.length > 0 ? requirementStates(deferred, contentHashOf(deferred)) : deferred ? [] : null), [deferred]);
}
