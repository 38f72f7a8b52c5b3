import { useEffect, useState } from 'react';
import { ConfirmDialog } from '../common/ConfirmDialog.js';
import { messageOf } from '../common/messageOf.js';
import { host } from '../host/hostClient.js';

/**
 * "Share with the team" (issue 18, point 5): puts the pack, saved first, on the team server
 * signed in to, where colleagues can see it. Shown only when signed in. The local pack stays as
 * it is; the result (or a plain reason) is said beside the button.
 */
export function ShareWithTeamButton(props: { file: string; title: string; disabled: boolean; saveFirst: () => Promise<boolean> }) {
  const [origin, setOrigin] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    let live = true;
    host.teamStatus({}).then(
      (s) => live && setOrigin(s.signedIn ? s.origin : null),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  if (!origin) return null;
  const where = new URL(origin).host;
  return (
    <>
      <button type="button" disabled={props.disabled} onClick={() => setAsking(true)}>
        Share with the team…
      </button>
      {said && (
        <span role={said.ok ? 'status' : 'alert'} className={said.ok ? 'muted' : 'field-error'}>
          {said.text}
        </span>
      )}
      {asking && (
        <ConfirmDialog
          title="Share with the team?"
          message={`“${props.title}” is saved, then a copy goes to the team server (${where}), where colleagues signed in there can open it. Your pack here stays as it is.`}
          confirmLabel="Share"
          onCancel={() => setAsking(false)}
          onConfirm={async () => {
            setAsking(false);
            setSaid(null);
            try {
              if (!(await props.saveFirst())) throw new Error('The pack could not be saved, so it was not shared. Save it, then try again.');
              const shared = await host.teamSharePack({ file: props.file });
              setSaid({ ok: true, text: `Shared with the team on ${where} as ${shared.file}.` });
            } catch (err) {
              setSaid({ ok: false, text: messageOf(err) });
            }
          }}
        />
      )}
    </>
  );
}
