import { useCallback, useEffect, useState } from 'react';
import { LibraryScreen } from './library/LibraryScreen.js';
import { PackScreen } from './pack/PackScreen.js';
import { LazyPart, lazyPart } from './common/LazyPart.js';
import { useMenuCommand, useUnhandledMenuCommands } from './host/hostEvents.js';
import { host } from './host/hostClient.js';
import { confirmLeave } from './common/leaveGuard.js';
import { isShortcutHelpKey } from './shortcuts/shortcutSearch.js';
import { FirstRunIdentity } from './identity/FirstRunIdentity.js';

const SettingsScreen = lazyPart(() => import('./settings/SettingsScreen.js'), (m) => m.SettingsScreen);
const LivePackScreen = lazyPart(() => import('./team/LivePackScreen.js'), (m) => m.LivePackScreen);
const ShortcutHelp = lazyPart(() => import('./shortcuts/ShortcutHelp.js'), (m) => m.ShortcutHelp);

/** Which screen is showing; kept in the URL query so a reload returns to the same pack. */
type Route = { screen: 'library' } | { screen: 'pack'; file: string; section?: string; created?: boolean } | { screen: 'settings' } | { screen: 'team'; file: string };

function readRoute(): Route {
  const params = new URLSearchParams(window.location.search);
  const file = params.get('pack');
  if (file) return { screen: 'pack', file, section: params.get('section') ?? undefined };
  const team = params.get('team');
  if (team) return { screen: 'team', file: team };
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
  if (route.screen === 'team') url.searchParams.set('team', route.file);
  else url.searchParams.delete('team');
  if (route.screen === 'settings') url.searchParams.set('screen', 'settings');
  window.history.pushState(null, '', url);
}

export function App() {
  const [route, setRoute] = useState<Route>(readRoute);
  const help = useShortcutHelp();

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
    const needsPack = command === 'save' || command === 'saveAs' || command === 'exportWord' || command === 'exportPdf' || command === 'print';
    window.alert(
      needsPack && route.screen !== 'pack'
        ? 'Open a pack first: choose one in the library, or use File › Open.'
        : 'That command is not available in this version of Briefing Studio yet.',
    );
  });

  const helpDialog = help.open && (
    <LazyPart>
      <ShortcutHelp onClose={help.close} />
    </LazyPart>
  );
  // First launch: who is working (name and role), asked once over whichever screen opens.
  const identity = <FirstRunIdentity />;
  if (route.screen === 'settings') {
    return (
      <>
        <LazyPart fallback={<p className="muted loading">Opening settings…</p>}>
          <SettingsScreen onBack={() => navigate({ screen: 'library' })} />
        </LazyPart>
        {helpDialog}
        {identity}
      </>
    );
  }
  if (route.screen === 'team') {
    return (
      <>
        <LazyPart fallback={<p className="muted loading">Joining the team server…</p>}>
          <LivePackScreen key={route.file} file={route.file} onBack={() => navigate({ screen: 'library' })} />
        </LazyPart>
        {helpDialog}
        {identity}
      </>
    );
  }
  const screen = route.screen === 'pack' ? (
    <PackScreen
      key={route.file}
      file={route.file}
      section={route.section}
      created={route.created}
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
    <LibraryScreen onOpen={(file, section) => navigate({ screen: 'pack', file, section })} onOpenLive={(file) => navigate({ screen: 'team', file })} onCreated={(file) => navigate({ screen: 'pack', file, created: true })} onSettings={() => navigate({ screen: 'settings' })} />
  );
  return (
    <>
      {screen}
      {helpDialog}
      {identity}
    </>
  );
}

/** F1, Ctrl/Cmd+/ and Help › Keyboard Shortcuts open the shortcut help, on every screen. */
function useShortcutHelp() {
  const [open, setOpen] = useState(false);
  useMenuCommand('shortcutHelp', () => setOpen(true));
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcutHelpKey(event)) return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const close = useCallback(() => setOpen(false), []);
  return { open, close };
}
