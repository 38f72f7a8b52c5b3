/**
 * Typed error codes shared by the back end and the renderer. Every failure that crosses the
 * host contract carries one of these codes and a plain-English message a user can act on.
 */
export const ERROR_CODES = [
  'NOT_FOUND',
  'INVALID_FILE',
  'NEWER_VERSION',
  'CONFLICT',
  'ALREADY_EXISTS',
  'PERMISSION',
  'DISK_FULL',
  'INVALID_ARGUMENT',
  'UNAVAILABLE',
  'UNKNOWN',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface HostErrorData {
  code: ErrorCode;
  message: string;
}

export class HostError extends Error implements HostErrorData {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'HostError';
    this.code = code;
  }
  toJSON(): HostErrorData {
    return { code: this.code, message: this.message };
  }
}

export function isHostError(value: unknown): value is HostError {
  return value instanceof HostError;
}

/** Node's error codes mapped to ours, with a message that does not leak a stack trace. */
export function fromNodeError(err: unknown, what: string): HostError {
  if (err instanceof HostError) return err;
  const code = (err as { code?: string } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return new HostError('NOT_FOUND', `${what} could not be found. It may have been moved, renamed or deleted.`);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new HostError('PERMISSION', `${what}: you do not have permission to change this file or folder.`);
    case 'ENOSPC':
    case 'EDQUOT':
      return new HostError('DISK_FULL', `${what}: the disk is full. Free some space, then try again.`);
    case 'EEXIST':
      return new HostError('ALREADY_EXISTS', `${what}: a file with that name already exists.`);
    case 'EBUSY':
      return new HostError('PERMISSION', `${what}: the file is in use by another program. Close it there and try again.`);
    case 'ENOTDIR':
    case 'EISDIR':
      return new HostError('INVALID_ARGUMENT', `${what}: that is a folder, not a file (or the other way round).`);
    case 'EIO':
    case 'ETIMEDOUT':
    case 'EHOSTDOWN':
    case 'ENETUNREACH':
      return new HostError('UNAVAILABLE', `${what}: the drive is not responding. If it is a network drive, check the connection.`);
    default: {
      const detail = err instanceof Error ? err.message : String(err);
      return new HostError('UNKNOWN', `${what}: something went wrong (${detail}).`);
    }
  }
}
