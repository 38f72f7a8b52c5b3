import { useCallback, useEffect, useState } from 'react';
import { LibraryScreen } from './library/LibraryScreen.js';
import { PackScreen } from './pack/PackScreen.js';
import { SettingsScreen } from './settings/SettingsScreen.js';

/** Which screen is showing; kept in the URL query so a reload returns to the same pack. */
type Route = { screen: 'library' } | { screen: 'pack'; file: string; section?: string } | { screen: 'settings' };

function readRoute(): Route {
  const params = new URLSearchParams(window.location.search);
  const file = params.get('pack');
  if (file) return { screen: 'pack', file, section: params.get('section') ?? undefined };
  return params.get('screen') === 'settings' ? { screen: 'settings' } : { screen: 'library' };
}

function writeRoute(route: Route): void {
  const url = new URL(window.location.href);
  url.searchParams.delete('section');
  url.searchParams.delete('screen');
  if (route.screen === 'pack') {
    url.searchParams.set('pack', route.file);
    if (route.section) url.searchParams.set('section', route.section);
  } else url.searchParams.delete('pack');
  if (route.screen === 'settings') url.searchParams.set('screen', 'settings');
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

  if (route.screen === 'settings') return <SettingsScreen onBack={() => navigate({ screen: 'library' })} />;
  return route.screen === 'pack' ? (
    <PackScreen
      key={route.file}
      file={route.file}
      section={route.section}
      onBack={() => navigate({ screen: 'library' })}
      onRenamed={(file) => {
        const url = new URL(window.location.href);
        url.searchParams.set('pack', file);
        url.searchParams.delete('section');
        window.history.replaceState(null, '', url);
        setRoute({ screen: 'pack', file });
      }}
    />
  ) : (
    <LibraryScreen onOpen={(file, section) => navigate({ screen: 'pack', file, section })} onSettings={() => navigate({ screen: 'settings' })} />
  );
}
