import { errorId, useProblemText, type Problem } from '../lib/problems';

/** The messages of one form slot, under its input (linked by aria-describedby through errorId(slot)). */
export function FieldError({ slot, problems }: { slot: string; problems?: Problem[] }) {
  const text = useProblemText();
  if (!problems?.length) return null;
  return (
    <p id={errorId(slot)} className="field-error">
      {problems.map((p, i) => (
        <span key={i}>{text(p)}</span>
      ))}
    </p>
  );
}

/** The form-level messages (rate limit, photo type or size, network…), announced when they appear. */
export function FormError({ problems, id }: { problems: Problem[]; id?: string }) {
  const text = useProblemText();
  if (!problems.length) return null;
  return (
    <div id={id} className="banner banner-error" role="alert" tabIndex={-1}>
      {problems.map((p, i) => (
        <p key={i}>{text(p)}</p>
      ))}
    </div>
  );
}

/** aria attributes of an input whose slot may have problems. */
export function invalidProps(slot: string, problems?: Problem[], hintId?: string) {
  const ids = [hintId, problems?.length ? errorId(slot) : undefined].filter(Boolean).join(' ');
  return { 'aria-invalid': problems?.length ? true : undefined, 'aria-describedby': ids || undefined };
}
