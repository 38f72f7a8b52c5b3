/** Thrown when a folder does not answer in time (a network drive that has gone away). */
export class DeadlineExceeded extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'DeadlineExceeded';
  }
}

/**
 * Resolve with `work`, or reject with DeadlineExceeded after `ms`. The work itself is not
 * cancelled (file-system calls cannot be), so callers must not start another copy of it
 * while it is still running: see TemplateLibrary's single in-flight shared scan.
 */
export function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceeded(ms)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
