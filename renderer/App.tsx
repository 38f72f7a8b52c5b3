import { useCallback, useEffect, useState } from 'react';
import { LibraryScreen } from './library/LibraryScreen.js';
import { PackScreen } from './pack/PackScreen.js';
import { useMenuCommand, useUnhandledMenuCommands } from './host/hostEvents.js';
import { host } from './host/hostClient.js';
import { confirmLeave } from './common/leaveGuard.js';

/** Which screen is showing; kept in the URL query so a reload returns to the same pack. */
type Route = { screen: 'library' } | { screen: 'pack'; file: string };

function readRoute(): Route {
  const file = new URLSearchParams(window.location.search).get('pack');
  return file ? { screen: 'pack', file } : { screen: 'library' };
}

function writeRoute(route: Route): void {
  const url = new URL(window.location.href);
  if (route.screen === 'pack') url.searchParams.set('pack', route.file);
  else url.searchParams.delete('pack');
  window.history.pushState(null, '', url);
}

export function App() {
  const [route, setRoute] = useState<Route>(readRoute);

  useEffect(() => {
    const onPop = () => setRoute(readRoute());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const navigate = useCallback((next: Route) => {
    writeRoute(next);
    setRoute(next);
  }, []);

  // Native menu (Electron): File › New, Open… (and files opened from the OS), Close Pack.
  // An open pack saves first (leaveGuard), so switching never drops an edit.
  useMenuCommand('open', async ({ file }) => {
    if (file && (await confirmLeave())) navigate({ screen: 'pack', file });
  });
  useMenuCommand('close', async () => {
    if (await confirmLeave()) navigate({ screen: 'library' });
  });
  useMenuCommand('new', async () => {
    if (!(await confirmLeave())) return;
    try {
      const created = await host.createPack({});
      navigate({ screen: 'pack', file: created.file });
    } catch (err) {
      window.alert(err instanceof Error ? err.message : String(err));
    }
  });

  useUnhandledMenuCommands((command) => {
    const needsPack = command === 'save' || command === 'saveAs' || command === 'exportWord';
    window.alert(
      needsPack && route.screen !== 'pack'
        ? 'Open a pack first: choose one in the library, or use File › Open.'
        : 'That command is not available in this version of Briefing Studio yet.',
    );
  });

  return route.screen === 'pack' ? (
    <PackScreen
      key={route.file}
      file={route.file}
      onBack={() => navigate({ screen: 'library' })}
      onRenamed={(file) => {
        const url = new URL(window.location.href);
        url.searchParams.set('pack', file);
        window.history.replaceState(null, '', url);
        setRoute({ screen: 'pack', file });
      }}
    />
  ) : (
    <LibraryScreen onOpen={(file) => navigate({ screen: 'pack', file })} />
  );
}
