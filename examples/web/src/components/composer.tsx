import { type FormEvent, type KeyboardEvent, useId, useState } from 'react';
import { codePoints, MAX_CODE_POINTS, textProblem } from '../lib/message-text';

/**
 * The message form: a live count of code points against the 1024 limit; blank or over-limit text
 * cannot be sent. Enter sends, Shift+Enter starts a new line.
 */
export function Composer(props: { onSend: (text: string) => void; disabled?: boolean; label?: string }) {
  const [text, setText] = useState('');
  const counterId = useId();
  const problem = textProblem(text);
  const count = codePoints(text);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (problem || props.disabled) return;
    props.onSend(text.trim());
    setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) submit(event);
  };

  return (
    <form className="composer" onSubmit={submit}>
      <textarea
        aria-label={props.label ?? 'Message'}
        aria-describedby={counterId}
        aria-invalid={problem === 'too_long'}
        placeholder="Write a message"
        rows={2}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="composer-row">
        <span
          id={counterId}
          className={problem === 'too_long' ? 'counter over' : 'counter'}
          aria-live="polite"
        >
          {count}/{MAX_CODE_POINTS}
          {problem === 'too_long' && ' (too long)'}
        </span>
        <button type="submit" disabled={problem !== null || props.disabled}>
          Send
        </button>
      </div>
    </form>
  );
}
