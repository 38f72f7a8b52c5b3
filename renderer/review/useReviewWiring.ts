import { useEffect, useMemo } from 'react';
import type { Pack } from '../../shared/pack/schema.js';
import { buildReviewIndex, type ReviewIndex } from '../../shared/review/reviewIndex.js';
import type { ReviewPart } from '../pack/session/reviewPart.js';
import { currentAuthor } from '../library/currentAuthor.js';
import { useReviewState } from './ReviewContext.js';

const NONE: ReviewIndex = { items: [], openBySection: new Map(), open: 0 };

/**
 * Connects the pack screen to the session's review part: who is working (name and role from
 * settings), how a jump opens another section, and the review index behind the counts on the
 * outline and the pack header.
 */
export function useReviewWiring(review: ReviewPart | null, pack: Pack | null, openSection: (id: string) => void): ReviewIndex {
  useEffect(() => {
    if (!review) return;
    let live = true;
    void currentAuthor().then((author) => live && review.setAuthor({ name: author.name, role: author.role ?? '' }));
    return () => {
      live = false;
    };
  }, [review]);
  useEffect(() => {
    if (!review) return;
    review.openSection = openSection;
    return () => {
      if (review.openSection === openSection) review.openSection = null;
    };
  }, [review, openSection]);
  const live = useReviewState(review, (s) => s.live, null);
  return useMemo(() => (pack ? buildReviewIndex(pack, live) : NONE), [pack, live]);
}
