import type { TeamPackListing } from '../../shared/api/contract.js';
import { HostError } from '../../shared/api/errors.js';

/**
 * The app's side of the team server's HTTP API (electron/teamServer/teamServer.ts): sign in,
 * check a session, sign out, list packs. Called by the back end, never the page, so the
 * session token stays out of the renderer and the page's strict connect-src is untouched.
 * Every failure becomes one plain sentence.
 */
export const TEAM_REQUEST_TIMEOUT_MS = 8000;

export interface TeamSession {
  token: string;
  /** Milliseconds since 1970, as the server gives it. */
  expiresAt: number;
  name: string;
  permissions: string[];
}

/** "team.example.gov.uk:8443" or a full URL → the server's origin; refuses anything but http(s). */
export function teamOrigin(address: string): string {
  const raw = address.trim();
  if (!raw) throw new HostError('INVALID_ARGUMENT', 'Enter the team server’s address, for example https://team.sefton.gov.uk.');
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    throw new HostError('INVALID_ARGUMENT', `“${raw}” is not a web address. Enter it as your IT team gave it, for example https://team.sefton.gov.uk.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new HostError('INVALID_ARGUMENT', 'The team server’s address must start with https:// (or http:// on this computer).');
  if (url.username || url.password) throw new HostError('INVALID_ARGUMENT', 'Leave the name and password out of the address; enter them below.');
  return url.origin;
}

async function call<T>(origin: string, path: string, init: { method: 'GET' | 'POST' | 'PUT'; token?: string; body?: unknown }): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${origin}${path}`, {
      method: init.method,
      headers: { ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(TEAM_REQUEST_TIMEOUT_MS),
      redirect: 'error',
    });
  } catch (err) {
    const timedOut = (err as Error).name === 'TimeoutError';
    throw new HostError('UNAVAILABLE', timedOut ? `The team server at ${origin} did not answer within ${TEAM_REQUEST_TIMEOUT_MS / 1000} seconds. Check your network, then try again.` : `The team server at ${origin} cannot be reached. Check the address and your network (or ask IT whether it is running), then try again.`);
  }
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    throw new HostError('UNAVAILABLE', `${origin} answered, but not as a Briefing Studio team server. Check the address.`);
  }
  if (!response.ok) {
    const message = typeof (data as { error?: unknown }).error === 'string' ? (data as { error: string }).error : `The team server refused the request (HTTP ${response.status}).`;
    throw new HostError(response.status === 401 || response.status === 403 ? 'PERMISSION' : response.status === 404 ? 'NOT_FOUND' : 'UNAVAILABLE', message);
  }
  return data as T;
}

export function signIn(origin: string, name: string, password: string): Promise<TeamSession> {
  return call<TeamSession>(origin, '/api/sign-in', { method: 'POST', body: { name, password } });
}

export function checkSession(origin: string, token: string): Promise<{ name: string; permissions: string[]; expiresAt: number }> {
  return call(origin, '/api/session', { method: 'GET', token });
}

export async function signOut(origin: string, token: string): Promise<void> {
  await call(origin, '/api/sign-out', { method: 'POST', token, body: {} });
}

export async function listTeamPacks(origin: string, token: string): Promise<TeamPackListing[]> {
  return (await call<{ packs: TeamPackListing[] }>(origin, '/api/packs', { method: 'GET', token })).packs;
}

/** One pack as the server has it now (its live document, or its file). Validated by the caller. */
export async function fetchTeamPack(origin: string, token: string, file: string): Promise<unknown> {
  return (await call<{ pack: unknown }>(origin, `/api/packs/${encodeURIComponent(file)}`, { method: 'GET', token })).pack;
}

/** Put a pack on the server under this file name ("Share with the team"); refused if the name is taken. */
export async function putTeamPack(origin: string, token: string, file: string, pack: unknown): Promise<{ file: string }> {
  return call<{ file: string }>(origin, `/api/packs/${encodeURIComponent(file)}`, { method: 'PUT', token, body: { pack } });
}
