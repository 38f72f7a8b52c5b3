/** A new id for a review record ("t-…" threads, "c-…" comments, "s-…" suggestions). */
export function newReviewId(prefix: string): string {
  const random = globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
  return `${prefix}-${random}`;
}
