import { HostError } from '../../shared/api/errors.js';

/** The message to show a user for any failure: our typed errors carry plain English already. */
export function messageOf(err: unknown): string {
  if (err instanceof HostError) return err.message;
  if (err instanceof Error) return `Something went wrong: ${err.message}`;
  return 'Something went wrong.';
}
