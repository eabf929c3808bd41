import { useI18n } from '../../shared/i18n';
import { CATEGORY_CODES, type CategoryCode } from '../lib/categories';
import type { Problem } from '../lib/problems';
import { FieldError, invalidProps } from './FieldError';

interface Props {
  /** radio group name, also the id prefix */
  name: string;
  value?: CategoryCode;
  onChange(code: CategoryCode): void;
  /** data-testid of each option: <prefix><code> */
  testIdPrefix: string;
  problems?: Problem[];
}

/** The ten categories as a group of real radio buttons, drawn as chips that are easy to tap. */
export function CategoryPicker({ name, value, onChange, testIdPrefix, problems }: Props) {
  const { t } = useI18n();
  return (
    <fieldset className="field" id={name} {...invalidProps(name, problems)}>
      <legend className="label">
        {t('form.category')} <span className="required">{t('form.required')}</span>
      </legend>
      <div className="chips">
        {CATEGORY_CODES.map((code) => (
          <label key={code} className={`chip${value === code ? ' chip-on' : ''}`} data-testid={`${testIdPrefix}${code}`}>
            <input className="sr-only" type="radio" name={name} value={code} checked={value === code} onChange={() => onChange(code)} />
            {t(`category.${code}`)}
          </label>
        ))}
      </div>
      <FieldError slot={name} problems={problems} />
    </fieldset>
  );
}
