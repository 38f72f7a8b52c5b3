import type { PackDocument } from '../pack/usePackDocument.js';
import { downloadPackCopy } from './downloadCopy.js';

/**
 * What the browser host's connection means for the words (issue 13). Says only what is true:
 * kept in this browser only once IndexedDB has really taken a copy; otherwise "only in this window".
 */
export function ConnectionBanner(props: { doc: PackDocument }) {
  const { doc } = props;
  const connection = doc.connection;
  const unsaved = doc.saveState.kind !== 'saved';
  if (connection.kind === 'ok') return null;
  if (connection.kind === 'back') {
    return (
      <p className="notice" data-testid="connection-banner">
        Connected to Briefing Studio’s host again.{unsaved ? '' : ' Everything is saved.'}
      </p>
    );
  }
  const kept = connection.keptInBrowser && unsaved;
  const download = (
    <button type="button" onClick={() => doc.pack && downloadPackCopy(doc.pack)}>
      Download a copy
    </button>
  );
  if (connection.kind === 'refused') {
    return (
      <p className="error-banner" data-testid="connection-banner">
        Briefing Studio’s host was started again with a new access token, so this page cannot save any more.{' '}
        {kept
          ? 'Your unsaved changes are kept in this browser: open the address the host printed, open this pack, and they are offered back.'
          : unsaved
            ? 'Your unsaved changes are only in this window: download a copy before closing it.'
            : 'Everything was saved before that; open the address the host printed to go on.'}{' '}
        {unsaved && download}
      </p>
    );
  }
  return (
    <p className="warning-banner" data-testid="connection-banner">
      <strong>Not connected:</strong> Briefing Studio’s host is not answering (it may have been stopped).{' '}
      {kept
        ? 'Your unsaved changes are kept in this browser (a reload or a new tab offers them back) and are saved here as soon as the host answers again.'
        : unsaved
          ? 'Your unsaved changes are only in this window: keep it open; they are saved as soon as the host answers again.'
          : 'Everything you wrote before is saved.'}{' '}
      {unsaved && download}
    </p>
  );
}
