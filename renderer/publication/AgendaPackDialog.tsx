import { DateField } from '../common/DateField.js';
import { useMemo, useState } from 'react';
import type { PackSummary } from '../../shared/api/contract.js';
import type { AgendaPackResult } from '../../shared/publication/api.js';
import { MIME_TYPES } from '../../shared/publication/api.js';
import type { PublicationVersion } from '../../shared/publication/versions.js';
import { Dialog } from '../common/Dialog.js';
import { messageOf } from '../common/messageOf.js';
import { formatMeetingDate } from '../common/format.js';
import { host } from '../host/hostClient.js';
import { downloadBase64, sizeText } from '../export/download.js';

type Stage = { kind: 'choose' } | { kind: 'making'; started: number } | { kind: 'done'; result: Exclude<AgendaPackResult, { kind: 'cancelled' }> } | { kind: 'failed'; message: string };

/** Meetings found in the library (name and date), most recent first, for "filter by meeting". */
export function meetingsOf(packs: readonly PackSummary[]): Array<{ key: string; name: string; date: string; files: string[] }> {
  const byKey = new Map<string, { key: string; name: string; date: string; files: string[] }>();
  for (const p of packs) {
    if (!p.meetingName.trim()) continue;
    const key = `${p.meetingName.trim()}|${p.meetingDate}`;
    const entry = byKey.get(key) ?? { key, name: p.meetingName.trim(), date: p.meetingDate, files: [] };
    entry.files.push(p.file);
    byKey.set(key, entry);
  }
  return [...byKey.values()].sort((a, b) => b.date.localeCompare(a.date) || a.name.localeCompare(b.name));
}

/**
 * The meeting's agenda pack, for democratic services: the packs chosen in the library (or all
 * of one meeting's), in agenda order (move them up and down), the meeting's name and date, and
 * which versions and formats to make. The desktop app asks for a folder; the browser host
 * offers each file as a download.
 */
export function AgendaPackDialog(props: { packs: PackSummary[]; selected: string[]; onClose: () => void }) {
  const meetings = useMemo(() => meetingsOf(props.packs), [props.packs]);
  const first = props.packs.find((p) => p.file === props.selected[0]);
  const [order, setOrder] = useState<string[]>(props.selected);
  const [meeting, setMeeting] = useState(first?.meetingName || meetings[0]?.name || 'Cabinet');
  const [date, setDate] = useState(first?.meetingDate || meetings[0]?.date || '');
  const [versions, setVersions] = useState<Record<PublicationVersion, boolean>>({ public: true, full: true });
  const [formats, setFormats] = useState<Record<'pdf' | 'docx', boolean>>({ pdf: true, docx: true });
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const byFile = new Map(props.packs.map((p) => [p.file, p]));

  const chooseMeeting = (key: string) => {
    const found = meetings.find((m) => m.key === key);
    if (!found) return;
    setMeeting(found.name);
    setDate(found.date);
    setOrder(found.files);
  };
  const move = (index: number, by: -1 | 1) => {
    const next = [...order];
    const target = index + by;
    if (target < 0 || target >= next.length) return;
    [next[index], next[target]] = [next[target]!, next[index]!];
    setOrder(next);
  };

  async function make() {
    const v = (Object.keys(versions) as PublicationVersion[]).filter((k) => versions[k]);
    const f = (Object.keys(formats) as Array<'pdf' | 'docx'>).filter((k) => formats[k]);
    if (order.length === 0) return setError('Choose at least one pack for the agenda.');
    if (!meeting.trim()) return setError('Give the meeting’s name, for example Cabinet.');
    if (v.length === 0 || f.length === 0) return setError('Choose at least one version and one format.');
    setError(null);
    setStage({ kind: 'making', started: Date.now() });
    try {
      const result = await host.makeAgendaPack({ files: order, meeting: meeting.trim(), date, versions: v, formats: f });
      setStage(result.kind === 'cancelled' ? { kind: 'choose' } : { kind: 'done', result });
    } catch (err) {
      setStage({ kind: 'failed', message: messageOf(err) });
    }
  }

  const busy = stage.kind === 'making';
  const actions = (
    <>
      <button type="button" onClick={props.onClose} disabled={busy}>
        {stage.kind === 'done' ? 'Close' : 'Cancel'}
      </button>
      {(stage.kind === 'choose' || stage.kind === 'failed') && (
        <button type="button" className="primary" onClick={() => void make()}>
          {stage.kind === 'failed' ? 'Try again' : 'Make agenda pack'}
        </button>
      )}
    </>
  );

  return (
    <Dialog title="Agenda pack" onCancel={() => !busy && props.onClose()} actions={actions} className="agenda-dialog" describedBy="agenda-status">
      {stage.kind === 'choose' || stage.kind === 'failed' ? (
        <form onSubmit={(e) => (e.preventDefault(), void make())}>
          {meetings.length > 0 && (
            <label className="field">
              <span>All the packs of a meeting</span>
              <select defaultValue="" onChange={(e) => chooseMeeting(e.target.value)}>
                <option value="">Use the packs chosen in the library</option>
                {meetings.map((m) => (
                  <option key={m.key} value={m.key}>
                    {m.name}, {formatMeetingDate(m.date)} ({m.files.length} pack{m.files.length === 1 ? '' : 's'})
                  </option>
                ))}
              </select>
            </label>
          )}
          <div className="field-row">
            <label className="field">
              <span>Meeting</span>
              <input value={meeting} maxLength={200} onChange={(e) => setMeeting(e.target.value)} />
            </label>
            <div className="field">
              <label htmlFor="agenda-meeting-date">Meeting date</label>
              <DateField id="agenda-meeting-date" label="Meeting date" value={date} onChange={setDate} />
            </div>
          </div>
          <h3 id="agenda-items-heading">Items, in agenda order</h3>
          {order.length === 0 ? (
            <p className="muted">No packs chosen. Tick packs in the library, or choose a meeting above.</p>
          ) : (
            <ol aria-labelledby="agenda-items-heading">
              {order.map((file, i) => {
                const title = byFile.get(file)?.title || file;
                return (
                  <li key={file}>
                    <span>{title}</span>
                    <button type="button" aria-label={`Move ${title} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                      ↑
                    </button>
                    <button type="button" aria-label={`Move ${title} down`} disabled={i === order.length - 1} onClick={() => move(i, 1)}>
                      ↓
                    </button>
                    <button type="button" aria-label={`Remove ${title} from the agenda`} onClick={() => setOrder(order.filter((f) => f !== file))}>
                      Remove
                    </button>
                  </li>
                );
              })}
            </ol>
          )}
          <div className="field-row">
            <fieldset className="group">
              <legend>Versions</legend>
              <label>
                <input type="checkbox" checked={versions.public} onChange={(e) => setVersions({ ...versions, public: e.target.checked })} /> Public (exempt items withheld)
              </label>
              <label>
                <input type="checkbox" checked={versions.full} onChange={(e) => setVersions({ ...versions, full: e.target.checked })} /> Full (NOT FOR PUBLICATION pages marked)
              </label>
            </fieldset>
            <fieldset className="group">
              <legend>Formats</legend>
              <label>
                <input type="checkbox" checked={formats.pdf} onChange={(e) => setFormats({ ...formats, pdf: e.target.checked })} /> PDF
              </label>
              <label>
                <input type="checkbox" checked={formats.docx} onChange={(e) => setFormats({ ...formats, docx: e.target.checked })} /> Word
              </label>
            </fieldset>
          </div>
          {(error || stage.kind === 'failed') && (
            <p role="alert" className="export-error" id="agenda-status">
              {error ?? (stage as { message: string }).message}
            </p>
          )}
        </form>
      ) : stage.kind === 'making' ? (
        <div role="status" id="agenda-status">
          <p>Making the agenda pack: laying out {order.length} report{order.length === 1 ? '' : 's'} and numbering the pages…</p>
          <progress aria-label="Making the agenda pack" />
        </div>
      ) : (
        <div role="status" id="agenda-status">
          {stage.result.kind === 'saved' ? (
            <>
              <p>Saved in {stage.result.folder}:</p>
              <ul className="agenda-files">
                {stage.result.files.map((f) => (
                  <li key={f.fileName}>
                    {f.fileName} ({sizeText(f.bytes)})
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <>
              <p>The agenda pack is ready. Download each file:</p>
              <ul className="agenda-files">
                {stage.result.files.map((f) => (
                  <li key={f.fileName}>
                    <button type="button" onClick={() => downloadBase64(f.fileName, f.base64, f.fileName.endsWith('.pdf') ? MIME_TYPES.pdf : MIME_TYPES.docx)}>
                      Download {f.fileName}
                    </button>{' '}
                    <span className="muted">{sizeText(f.bytes)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </Dialog>
  );
}
