import { createContext, useContext, useSyncExternalStore } from 'react';
import type { ReviewPart, ReviewUiState } from '../pack/session/reviewPart.js';

/** The open pack's review part, for the editor plugins, toolbar buttons and panels under it. */
export const ReviewContext = createContext<ReviewPart | null>(null);

export function useReview(): ReviewPart | null {
  return useContext(ReviewContext);
}

const EMPTY = () => () => undefined;

/** One value of the review UI state; re-renders only when that value changes. */
export function useReviewState<T>(review: ReviewPart | null, pick: (state: ReviewUiState) => T, fallback: T): T {
  return useSyncExternalStore(review ? review.store.subscribe : EMPTY, () => (review ? pick(review.store.get()) : fallback));
}
