import { HostError, fromNodeError } from '../../shared/api/errors.js';
import { DeadlineExceeded } from './deadline.js';

/**
 * Why the shared templates folder cannot be used, in words a council officer can act on.
 * The rest of the gallery keeps working, so each message says so once, calmly.
 */
export function sharedFolderProblem(err: unknown, dir: string): HostError {
  if (err instanceof DeadlineExceeded) {
    const seconds = Math.max(1, Math.round(err.ms / 1000));
    return new HostError(
      'UNAVAILABLE',
      `The shared templates folder is not responding (waited ${seconds} second${seconds === 1 ? '' : 's'}): ${dir}. If it is on a network drive, check your connection. Built-in templates and your own still work.`,
    );
  }
  switch ((err as NodeJS.ErrnoException | null)?.code) {
    case 'ENOENT':
      return new HostError('UNAVAILABLE', `The shared templates folder cannot be found: ${dir}. It may be on a network drive that is not connected, or it was moved.`);
    case 'ENOTDIR':
      return new HostError('UNAVAILABLE', `The shared templates folder setting points to a file, not a folder: ${dir}.`);
    case 'EACCES':
    case 'EPERM':
      return new HostError('PERMISSION', `You do not have permission to read the shared templates folder: ${dir}. Ask whoever manages the drive for access.`);
    default:
      return fromNodeError(err, `The shared templates folder ${dir}`);
  }
}
