import { useEffect, useState } from 'react';
import { host } from '../host/hostClient.js';
import type { StatusActor } from '../../shared/pack/status.js';

/** Who is working: the author name and role from settings, recorded on status changes. */
export function useAuthor(): StatusActor {
  const [actor, setActor] = useState<StatusActor>({ name: '' });
  useEffect(() => {
    let cancelled = false;
    host.getSettings({}).then(
      (s) => !cancelled && setActor({ name: s.authorName, role: s.authorRole }),
      () => undefined, // no settings: changes are recorded without a name, never refused
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return actor;
}
