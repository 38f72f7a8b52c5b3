import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Pack } from '../../shared/pack/schema.js';
import type { ReviewComment } from '../../shared/review/schema.js';
import { buildReviewIndex, type ReviewItem } from '../../shared/review/reviewIndex.js';
import { commentsOf, type ReviewPart } from '../pack/session/reviewPart.js';
import { useReviewState } from './ReviewContext.js';
import './review.css';

/**
 * The review panel: one list of the pack's comment threads and suggested changes, filtered by
 * section, author, state and kind, each going to its place in the text. Threads are worked on
 * here (reply, edit and delete one's own, resolve, reopen); suggestions are accepted or
 * rejected one by one or all those shown at once (all in a section, in the pack, by an author).
 */
type StateFilter = 'open' | 'resolved' | 'all';
type KindFilter = 'all' | 'thread' | 'suggestion';

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const formatTime = (iso: string) => (iso ? when.format(new Date(iso)) : '');
const SUGGESTION_LABEL = { insert: 'Inserted', delete: 'Deleted', 'block-insert': 'New block', 'block-delete': 'Deleted block' } as const;

export const ReviewPanel = memo(function ReviewPanel(props: { review: ReviewPart; pack: Pack; activeSection: string | null; readOnly: boolean }) {
  const { review, pack, readOnly } = props;
  const live = useReviewState(review, (s) => s.live, null);
  const activeThread = useReviewState(review, (s) => s.activeThread, null);
  const draftThread = useReviewState(review, (s) => s.draftThread, null);
  useReviewState(review, (s) => s.author, null);
  // Someone who may only suggest sees the changes but is not offered accepting them.
  const mayDecide = !useReviewState(review, (s) => s.suggestOnly, false);
  const index = useMemo(() => buildReviewIndex(pack, live), [pack, live]);
  const [section, setSection] = useState<string>('all');
  const [author, setAuthor] = useState<string>('all');
  const [state, setState] = useState<StateFilter>('open');
  const [kind, setKind] = useState<KindFilter>('all');
  const [notice, setNotice] = useState<string | null>(null);

  const authors = useMemo(() => [...new Set(index.items.map((i) => i.author.name).filter(Boolean))].sort(), [index]);
  const shown = index.items.filter(
    (item) =>
      (section === 'all' || item.sectionId === section) &&
      (author === 'all' || item.author.name === author) &&
      (state === 'all' || item.state === state || item.id === draftThread) &&
      (kind === 'all' || item.kind === kind),
  );
  const shownSuggestions = shown.filter((i) => i.kind === 'suggestion');
  const titleOf = (id: string) => pack.sections.find((s) => s.id === id)?.title || 'Untitled section';

  const settleShown = (decision: 'accept' | 'reject') => {
    const ids = new Set(shownSuggestions.map((i) => i.id));
    const count = review.settle((id) => ids.has(id), decision);
    setNotice(`${decision === 'accept' ? 'Accepted' : 'Rejected'} ${count} change${count === 1 ? '' : 's'}.`);
  };

  return (
    <aside className="review-panel" aria-labelledby="review-heading">
      <div className="review-head">
        <h2 id="review-heading">Review</h2>
        <span className="review-open" data-testid="review-open-count">
          {index.open} open
        </span>
        <button type="button" className="link-button" onClick={() => review.setPanelOpen(false)}>
          Close
        </button>
      </div>
      <div className="review-filters" role="group" aria-label="Filter the review list">
        <label>
          Section
          <select value={section} onChange={(e) => setSection(e.target.value)}>
            <option value="all">All sections</option>
            {pack.sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title || 'Untitled section'}
              </option>
            ))}
          </select>
        </label>
        <label>
          Author
          <select value={author} onChange={(e) => setAuthor(e.target.value)}>
            <option value="all">Everyone</option>
            {authors.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label>
          State
          <select value={state} onChange={(e) => setState(e.target.value as StateFilter)}>
            <option value="open">Open</option>
            <option value="resolved">Resolved</option>
            <option value="all">All</option>
          </select>
        </label>
        <label>
          Show
          <select value={kind} onChange={(e) => setKind(e.target.value as KindFilter)}>
            <option value="all">Comments and changes</option>
            <option value="thread">Comments</option>
            <option value="suggestion">Changes</option>
          </select>
        </label>
      </div>
      {!readOnly && (
        <div className="review-bulk">
          {mayDecide && (
            <>
              <button type="button" disabled={shownSuggestions.length === 0} onClick={() => settleShown('accept')}>
                Accept {shownSuggestions.length} shown
              </button>
              <button type="button" disabled={shownSuggestions.length === 0} onClick={() => settleShown('reject')}>
                Reject {shownSuggestions.length} shown
              </button>
            </>
          )}
          {props.activeSection && (
            <button type="button" onClick={() => review.createThread(props.activeSection!, 'section', '')}>
              Comment on this section
            </button>
          )}
        </div>
      )}
      <p className="visually-hidden" role="status">
        {notice}
      </p>
      {shown.length === 0 ? (
        <p className="muted review-empty">{index.items.length === 0 ? 'No comments or suggested changes yet.' : 'Nothing matches these filters.'}</p>
      ) : (
        <ol className="review-list" aria-label="Comments and changes">
          {shown.map((item) => (
            <li key={`${item.kind}-${item.id}`}>
              {item.kind === 'thread' ? (
                <ThreadCard review={review} pack={pack} item={item} sectionTitle={titleOf(item.sectionId)} active={item.id === activeThread} draft={item.id === draftThread} readOnly={readOnly} />
              ) : (
                <SuggestionCard review={review} item={item} sectionTitle={titleOf(item.sectionId)} readOnly={readOnly || !mayDecide} onDone={setNotice} />
              )}
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
});

function Byline(props: { name: string; role: string; at: string }) {
  return (
    <p className="review-byline">
      <strong>{props.name || 'Someone'}</strong>
      {props.role && <span className="muted">, {props.role}</span>} <time dateTime={props.at}>{formatTime(props.at)}</time>
    </p>
  );
}

function ThreadCard(props: { review: ReviewPart; pack: Pack; item: ReviewItem; sectionTitle: string; active: boolean; draft: boolean; readOnly: boolean }) {
  const { review, item } = props;
  const thread = props.pack.review.threads[item.id]!;
  const comments = commentsOf(props.pack.review, item.id);
  const card = useRef<HTMLElement>(null);
  const [reply, setReply] = useState('');
  const resolved = thread.resolved !== null;
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (props.active && !props.draft) card.current?.scrollIntoView?.({ block: 'nearest' });
  }, [props.active, props.draft]);
  // A new thread's comment box takes the focus once the editor has finished its update (which
  // puts the selection, and so the focus, back in the text).
  useEffect(() => {
    if (!props.draft) return;
    const frame = requestAnimationFrame(() => input.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [props.draft]);

  const send = () => {
    if (!reply.trim()) return;
    review.addComment(item.id, reply);
    setReply('');
  };
  const onKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      send();
    } else if (event.key === 'Escape' && props.draft) {
      event.preventDefault();
      review.discardDraft();
    }
  };
  const label = `Comment by ${thread.author.name || 'someone'} on ${item.text ? `“${item.text.slice(0, 40)}”` : `the section ${props.sectionTitle}`}`;

  return (
    <article ref={card} className={`review-card review-thread${props.active ? ' is-active' : ''}${resolved ? ' is-resolved' : ''}`} aria-label={label} data-thread-id={item.id}>
      <p className="review-where muted">
        {props.sectionTitle}
        {resolved && <span className="badge review-badge">Resolved</span>}
      </p>
      {thread.anchor === 'section' ? (
        <p className="review-quote muted">{item.text || 'The whole section'}</p>
      ) : (
        <blockquote className="review-quote">
          {item.text}
          {item.detached && <span className="muted"> (this text has been deleted)</span>}
        </blockquote>
      )}
      {comments.length === 0 && !props.draft && <p className="muted">No comment yet.</p>}
      <ol className="review-comments">
        {comments.map((comment) => (
          <CommentView key={comment.id} review={review} comment={comment} readOnly={props.readOnly} />
        ))}
      </ol>
      {!props.readOnly && (
        <div className="review-reply">
          <label className={props.draft ? undefined : 'visually-hidden'} htmlFor={`reply-${item.id}`}>
            {props.draft ? 'Your comment' : 'Reply'}
          </label>
          <textarea
            id={`reply-${item.id}`}
            rows={props.draft ? 3 : 1}
            placeholder={props.draft ? 'Write a comment' : 'Reply'}
            ref={input}
            value={reply}
            onChange={(e) => setReply(e.target.value)}
            onKeyDown={onKey}
          />
          <div className="review-actions">
            <button type="button" className={props.draft ? 'primary' : undefined} disabled={!reply.trim()} onClick={send}>
              {props.draft ? 'Comment' : 'Reply'}
            </button>
            {props.draft && (
              <button type="button" onClick={() => review.discardDraft()}>
                Cancel
              </button>
            )}
          </div>
        </div>
      )}
      <div className="review-actions">
        <button type="button" onClick={() => review.jumpTo(item.sectionId, item.id, item.id)} disabled={item.detached || thread.anchor === 'section'} aria-label={`Go to text of ${label}`}>
          Go to text
        </button>
        {!props.readOnly && !props.draft && (
          <button type="button" onClick={() => review.resolve(item.id, !resolved)}>
            {resolved ? 'Reopen' : 'Resolve'}
          </button>
        )}
      </div>
    </article>
  );
}

function CommentView(props: { review: ReviewPart; comment: ReviewComment; readOnly: boolean }) {
  const { review, comment } = props;
  const [editing, setEditing] = useState<string | null>(null);
  const mine = review.isMine(comment.author);
  return (
    <li className="review-comment">
      <Byline name={comment.author.name} role={comment.author.role} at={comment.at} />
      {editing === null ? (
        <p className="review-text">
          {comment.text}
          {comment.editedAt && <span className="muted"> (edited)</span>}
        </p>
      ) : (
        <div className="review-edit">
          <label className="visually-hidden" htmlFor={`edit-${comment.id}`}>
            Comment text
          </label>
          <textarea
            id={`edit-${comment.id}`}
            rows={2}
            value={editing}
            autoFocus
            onChange={(e) => setEditing(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setEditing(null);
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                review.editComment(comment.id, editing);
                setEditing(null);
              }
            }}
          />
          <div className="review-actions">
            <button
              type="button"
              disabled={!editing.trim()}
              onClick={() => {
                review.editComment(comment.id, editing);
                setEditing(null);
              }}
            >
              Save
            </button>
            <button type="button" onClick={() => setEditing(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {mine && !props.readOnly && editing === null && (
        <div className="review-actions">
          <button type="button" className="link-button" onClick={() => setEditing(comment.text)} aria-label="Edit your comment">
            Edit
          </button>
          <button type="button" className="link-button" onClick={() => review.deleteComment(comment.id)} aria-label="Delete your comment">
            Delete
          </button>
        </div>
      )}
    </li>
  );
}

function SuggestionCard(props: { review: ReviewPart; item: ReviewItem; sectionTitle: string; readOnly: boolean; onDone: (message: string) => void }) {
  const { review, item } = props;
  const what = SUGGESTION_LABEL[item.suggestionKind ?? 'insert'];
  const text = item.text.trim() || (item.suggestionKind?.startsWith('block') ? '(empty block)' : '');
  const label = `${what} “${text.slice(0, 40)}” by ${item.author.name || 'someone'}`;
  const decide = (decision: 'accept' | 'reject') => {
    const count = review.settle((id) => id === item.id, decision);
    props.onDone(count ? `${decision === 'accept' ? 'Accepted' : 'Rejected'}: ${label}.` : 'That change is no longer there.');
  };
  return (
    <article className={`review-card review-suggestion is-${item.suggestionKind}`} aria-label={label} data-suggestion-id={item.id}>
      <p className="review-where muted">{props.sectionTitle}</p>
      <p>
        <span className="badge review-badge">{what}</span> <span className="review-change">{text}</span>
      </p>
      <Byline name={item.author.name} role={item.author.role} at={item.at} />
      <div className="review-actions">
        <button type="button" onClick={() => review.jumpTo(item.sectionId, item.id)} aria-label={`Go to ${label}`}>
          Go to
        </button>
        {!props.readOnly && (
          <>
            <button type="button" onClick={() => decide('accept')} aria-label={`Accept ${label}`}>
              Accept
            </button>
            <button type="button" onClick={() => decide('reject')} aria-label={`Reject ${label}`}>
              Reject
            </button>
          </>
        )}
      </div>
    </article>
  );
}
