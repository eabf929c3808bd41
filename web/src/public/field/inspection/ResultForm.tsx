import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { api, ApiError } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { FieldError, FormError, invalidProps } from '../../components/FieldError';
import { CATEGORY_CODES } from '../../lib/categories';
import { useFocusFirst } from '../../lib/focus';
import { routeApiError, type Problem, type Problems } from '../../lib/problems';
import type { OnFailure } from '../FieldHome';
import { RESULTS, type InspectionTask, type Result } from './types';

const SLOTS: Record<string, string> = {
  result: 'result-choice',
  findings: 'result-findings',
  evidence: 'result-evidence',
  category: 'result-category',
  inspectedOn: 'result-date',
};
const API_SLOTS = { result: 'result', findings: 'findings', evidence: 'evidence', category: 'category', inspectedOn: 'inspectedOn' };
const FINDINGS_MAX = 2000;

/** Today in Beijing, YYYY-MM-DD (the inspection date defaults to it). */
const beijingToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** 记录检查结果: the result, what was found, the evidence references (required unless compliant), the category. */
export function ResultForm({ task, onRecorded, onFailure }: { task: InspectionTask; onRecorded(task: InspectionTask): void; onFailure: OnFailure }) {
  const { t } = useI18n();
  const focusFirst = useFocusFirst();
  const [result, setResult] = useState<Result>();
  const [findings, setFindings] = useState('');
  const [evidence, setEvidence] = useState<string[]>([]);
  const [reference, setReference] = useState('');
  const [category, setCategory] = useState('');
  const [inspectedOn, setInspectedOn] = useState(beijingToday);
  const [problems, setProblems] = useState<Problems>({});
  const [general, setGeneral] = useState<Problem[]>([]);
  const [sending, setSending] = useState(false);

  const show = (found: Problems, messages: Problem[]) => {
    setProblems(found);
    setGeneral(messages);
    const slots = Object.keys(SLOTS).filter((s) => found[s]?.length);
    focusFirst(slots.length ? slots.map((s) => SLOTS[s]) : messages.length ? ['result-error'] : []);
  };
  const add = () => {
    const text = reference.trim();
    if (!text) return;
    if (!evidence.includes(text)) setEvidence([...evidence, text]);
    setReference('');
    setProblems(({ evidence: _dropped, ...rest }) => rest);
  };
  const onReferenceKey = (e: KeyboardEvent<HTMLInputElement>) => {
    // Enter adds the reference rather than sending the form
    if (e.key === 'Enter') {
      e.preventDefault();
      add();
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    // a reference typed but not yet added counts
    const refs = reference.trim() && !evidence.includes(reference.trim()) ? [...evidence, reference.trim()] : evidence;
    const found: Problems = {};
    if (!result) found.result = [{ key: 'inspection.form.resultRequired' }];
    if (!findings.trim()) found.findings = [{ key: 'inspection.form.findingsRequired' }];
    if (result && result !== 'compliant' && refs.length === 0) found.evidence = [{ key: 'inspection.form.evidenceRequired' }];
    if (Object.keys(found).length) return show(found, [{ key: 'error.checkFields' }]);
    setEvidence(refs);
    setReference('');
    setSending(true);
    show({}, []);
    try {
      const body = { result, findings: findings.trim(), evidence: refs, ...(category && result !== 'compliant' ? { category } : {}), ...(inspectedOn ? { inspectedOn } : {}) };
      onRecorded(await api<InspectionTask>(`/api/enforcement/tasks/${task.taskId}/result`, { json: body }));
      window.scrollTo(0, 0);
    } catch (error) {
      onFailure(error);
      if (error instanceof ApiError && error.code === 'EVIDENCE_REQUIRED') return show({ evidence: [{ text: error.text }] }, []);
      const routed = routeApiError(error, API_SLOTS);
      show(routed.fields, routed.general);
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="card" aria-labelledby="result-title">
      <h2 id="result-title">{t('inspection.form.title')}</h2>
      <form onSubmit={submit} noValidate data-testid="result-form">
        <fieldset className="field" id="result-choice" {...invalidProps('result-choice', problems.result)}>
          <legend className="label">
            {t('inspection.form.result')} <span className="required">{t('form.required')}</span>
          </legend>
          <div className="choices">
            {RESULTS.map((r) => (
              <label key={r} className={`chip choice${result === r ? ' chip-on' : ''}`} data-testid={`result-${r}`}>
                <input className="sr-only" type="radio" name="result" value={r} checked={result === r} onChange={() => setResult(r)} />
                {t(`inspection.result.${r}`)}
              </label>
            ))}
          </div>
          <FieldError slot="result-choice" problems={problems.result} />
        </fieldset>
        <div className="field">
          <label className="label" htmlFor="result-findings">
            {t('inspection.form.findings')} <span className="required">{t('form.required')}</span>
          </label>
          <p className="hint" id="result-findings-hint">
            {t('inspection.form.findingsHint')}
          </p>
          <textarea
            id="result-findings"
            data-testid="result-findings"
            rows={4}
            maxLength={FINDINGS_MAX}
            value={findings}
            onChange={(e) => setFindings(e.target.value)}
            {...invalidProps('result-findings', problems.findings, 'result-findings-hint')}
          />
          <p className="counter">{t('form.counter', { count: findings.length, max: FINDINGS_MAX })}</p>
          <FieldError slot="result-findings" problems={problems.findings} />
        </div>
        <div className="field" id="result-evidence-block">
          <label className="label" htmlFor="result-evidence">
            {t('inspection.form.evidence')} <span className={result && result !== 'compliant' ? 'required' : 'optional'}>{t(result && result !== 'compliant' ? 'form.required' : 'form.optional')}</span>
          </label>
          <p className="hint" id="result-evidence-hint">
            {t('inspection.form.evidenceHint')}
          </p>
          <div className="adder">
            <input
              id="result-evidence"
              type="text"
              data-testid="evidence-input"
              maxLength={200}
              value={reference}
              onChange={(e) => setReference(e.target.value)}
              onKeyDown={onReferenceKey}
              {...invalidProps('result-evidence', problems.evidence, 'result-evidence-hint')}
            />
            <button type="button" className="button button-secondary" onClick={add} data-testid="evidence-add">
              {t('inspection.form.add')}
            </button>
          </div>
          <FieldError slot="result-evidence" problems={problems.evidence} />
          {evidence.length > 0 && (
            <ul className="refs" data-testid="evidence-list" aria-label={t('inspection.form.evidenceList')}>
              {evidence.map((ref) => (
                <li key={ref} data-testid="evidence-item">
                  <span>{ref}</span>
                  <button
                    type="button"
                    className="button button-link"
                    aria-label={t('inspection.form.removeRef', { ref })}
                    onClick={() => setEvidence(evidence.filter((x) => x !== ref))}
                  >
                    {t('inspection.form.remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        {result && result !== 'compliant' && (
          <div className="field">
            <label className="label" htmlFor="result-category">
              {t('inspection.form.category')} <span className="optional">{t('form.optional')}</span>
            </label>
            <select id="result-category" data-testid="result-category" value={category} onChange={(e) => setCategory(e.target.value)} {...invalidProps('result-category', problems.category)}>
              <option value="">{t('inspection.form.categoryNone')}</option>
              {CATEGORY_CODES.map((c) => (
                <option key={c} value={c}>
                  {t(`category.${c}`)}
                </option>
              ))}
            </select>
            <FieldError slot="result-category" problems={problems.category} />
          </div>
        )}
        <div className="field">
          <label className="label" htmlFor="result-date">
            {t('inspection.form.inspectedOn')}
          </label>
          <input id="result-date" type="date" max={beijingToday()} value={inspectedOn} onChange={(e) => setInspectedOn(e.target.value)} {...invalidProps('result-date', problems.inspectedOn)} />
          <FieldError slot="result-date" problems={problems.inspectedOn} />
        </div>
        <FormError id="result-error" problems={general} />
        <button type="submit" className="button button-primary button-block" disabled={sending} data-testid="result-submit">
          {sending ? t('field.sending') : t('inspection.form.submit')}
        </button>
        <p className="hint">{t('inspection.form.afterHint')}</p>
      </form>
    </section>
  );
}
