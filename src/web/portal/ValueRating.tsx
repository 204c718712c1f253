import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { TouchpointRatingInput } from '../../contract/journey.ts';
import { Button } from '../components/ui/Button.tsx';
import { portal } from './portal.api.ts';

/** One tap: how valuable was this step to you (1–5)? A comment may follow. Feeds the vendor's journey map. */
export function ValueRating({ projectId, taskId }: { projectId: string; taskId: string }) {
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [commenting, setCommenting] = useState(false);
  const rate = useMutation({
    mutationFn: (input: TouchpointRatingInput) => portal.put<{ score: number; comment: string | null }>(`/projects/${projectId}/tasks/${taskId}/value-rating`, input),
  });
  const tap = (n: number) => {
    setScore(n);
    rate.mutate({ score: n, ...(comment.trim() ? { comment } : {}) });
  };
  return (
    <div className="portal-value-rating">
      <span className="portal-muted">How valuable was this step to you?</span>
      <div className="portal-value-buttons" role="group" aria-label="How valuable was this step to you, 1 to 5">
        {[1, 2, 3, 4, 5].map((n) => (
          <button key={n} type="button" className={`portal-value-button${n === score ? ' is-on' : ''}`} aria-pressed={n === score} onClick={() => tap(n)}>
            {n}
          </button>
        ))}
      </div>
      {rate.isSuccess && !commenting && (
        <span role="status" className="portal-saved">
          Thank you!{' '}
          <button type="button" className="link-button" onClick={() => setCommenting(true)}>
            Add a comment
          </button>
        </span>
      )}
      {rate.isError && <span role="alert">Could not save your rating. Try again.</span>}
      {commenting && (
        <form
          className="portal-form"
          onSubmit={(e) => {
            e.preventDefault();
            rate.mutate({ score, ...(comment.trim() ? { comment } : {}) }, { onSuccess: () => setCommenting(false) });
          }}
        >
          <label className="field-label" htmlFor={`value-comment-${taskId}`}>
            Comment (optional)
          </label>
          <textarea id={`value-comment-${taskId}`} className="input textarea" maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
          <Button type="submit" size="sm" busy={rate.isPending}>
            Send
          </Button>
        </form>
      )}
    </div>
  );
}
