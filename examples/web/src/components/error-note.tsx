import { describeError } from '../api/errors';

/** An API failure in words, announced to screen readers. */
export function ErrorNote(props: { error: unknown; onRetry?: () => void }) {
  if (!props.error) return null;
  return (
    <p className="error" role="alert">
      {describeError(props.error)}
      {props.onRetry && (
        <button type="button" className="link-button" onClick={props.onRetry}>
          Try again
        </button>
      )}
    </p>
  );
}
