import { useId } from 'react';
import type { AnswerValue, ReadinessQuestion } from './readiness.api.ts';

const SCALE = [1, 2, 3, 4, 5] as const;

/**
 * One question with the control its type calls for: native radios (arrow keys move between them), checkboxes
 * and a text area, so the whole form works from the keyboard.
 */
export function AnswerControl({
  question,
  value,
  onChange,
  error,
  answeredBy,
  disabled,
}: {
  question: ReadinessQuestion;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue) => void;
  error: string | undefined;
  answeredBy: string | undefined;
  disabled: boolean;
}) {
  const id = useId();
  const errorId = error ? `${id}-error` : undefined;
  const radio = (label: string, checked: boolean, choose: () => void) => (
    <label key={label} className="readiness-option">
      <input type="radio" name={id} checked={checked} onChange={choose} disabled={disabled} aria-describedby={errorId} />
      {label}
    </label>
  );
  let control;
  switch (question.type) {
    case 'yes_no':
      control = (
        <div className="readiness-options" role="radiogroup">
          {radio('Yes', value === true, () => onChange(true))}
          {radio('No', value === false, () => onChange(false))}
        </div>
      );
      break;
    case 'scale':
      control = (
        <div className="readiness-options" role="radiogroup">
          {SCALE.map((n) => radio(String(n), value === n, () => onChange(n)))}
        </div>
      );
      break;
    case 'single_choice':
      control = (
        <div className="readiness-options" role="radiogroup">
          {question.choices.map((choice) => radio(choice.label, value === choice.label, () => onChange(choice.label)))}
        </div>
      );
      break;
    case 'multiple_choice': {
      const chosen = Array.isArray(value) ? value : [];
      control = (
        <div className="readiness-options">
          {question.choices.map((choice) => (
            <label key={choice.label} className="readiness-option">
              <input
                type="checkbox"
                checked={chosen.includes(choice.label)}
                disabled={disabled}
                aria-describedby={errorId}
                onChange={(event) =>
                  onChange(event.target.checked ? [...chosen, choice.label] : chosen.filter((label) => label !== choice.label))
                }
              />
              {choice.label}
            </label>
          ))}
        </div>
      );
      break;
    }
    case 'text':
      control = (
        <textarea
          className="input textarea"
          rows={2}
          aria-labelledby={`${id}-legend`}
          aria-describedby={errorId}
          value={typeof value === 'string' ? value : ''}
          disabled={disabled}
          onChange={(event) => onChange(event.target.value)}
        />
      );
      break;
  }
  return (
    <fieldset className={`readiness-question${error ? ' field-invalid' : ''}`} aria-invalid={error ? true : undefined}>
      <legend id={`${id}-legend`}>{question.text}</legend>
      {control}
      {error && (
        <p className="field-error" id={errorId}>
          {sentence(error)}
        </p>
      )}
      {answeredBy && !error && <p className="readiness-answered-by">{answeredBy}</p>}
    </fieldset>
  );
}

/** The server's words for an answer ("is not answered yet", "choose one of: …") as a sentence under it. */
const sentence = (message: string) => {
  const text = message.replace(/^is /, '');
  return text.charAt(0).toUpperCase() + text.slice(1) + (/[.!?]$/.test(text) ? '' : '.');
};
