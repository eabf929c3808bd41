import type { InputHTMLAttributes, ReactNode } from 'react';
import { useI18n } from '../../shared/i18n';
import type { Problem } from '../lib/problems';
import { FieldError, invalidProps } from './FieldError';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'aria-invalid' | 'aria-describedby'> {
  /** the input's id, which the label points at */
  id: string;
  label: ReactNode;
  /** the "(required)" or "(optional)" mark after the label; none when left out */
  mark?: 'required' | 'optional';
  /** a sub-label inside a fieldset (label-sub) rather than a field's own label */
  sub?: boolean;
  /** a hint between label and input, given the id `${id}-hint` and read with the input */
  hint?: ReactNode;
  /** the id of something else the input is read with (a protection notice) */
  describedBy?: string;
  /** the form slot of the input's messages; the id when left out */
  slot?: string;
  problems?: Problem[];
  testId?: string;
}

/** Label, optional hint, input and its messages: one text-like input of a public form (no wrapper of its own). */
export function TextField({ id, label, mark, sub, hint, describedBy, slot = id, problems, testId, ...input }: Props) {
  const { t } = useI18n();
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  return (
    <>
      <label className={sub ? 'label label-sub' : 'label'} htmlFor={id}>
        {label}
        {mark === 'required' && <> <span className="required">{t('form.required')}</span></>}
        {mark === 'optional' && <> <span className="optional">{t('form.optional')}</span></>}
      </label>
      {hintId && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      <input
        id={id}
        data-testid={testId}
        {...input}
        {...invalidProps(slot, problems, [hintId, describedBy].filter(Boolean).join(' ') || undefined)}
      />
      <FieldError slot={slot} problems={problems} />
    </>
  );
}
