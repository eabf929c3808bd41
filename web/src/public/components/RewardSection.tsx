import { useState, type FormEvent } from 'react';
import { ApiError, api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { PHONE } from '../lib/categories';
import { useFocusFirst } from '../lib/focus';
import { routeApiError, type Problem, type Problems } from '../lib/problems';
import { formatYuan, isPublicReward, normaliseIdNumber, PAYOUT_METHODS, validIdNumber, type PayoutMethod, type PublicReward } from '../lib/rewards';
import { FieldError, FormError, invalidProps } from './FieldError';
import { TextField } from './TextField';

/** Where each slot's messages go, in the order the form reads; the values are the ids to focus. */
const SLOT_IDS: Record<string, string> = {
  claimMethod: 'claimMethod',
  claimName: 'claimName',
  claimPhone: 'claimPhone',
  claimIdNumber: 'claimIdNumber',
};

/** API field path (identify's and claim's bodies) → slot. */
const API_SLOTS: Record<string, string> = {
  method: 'claimMethod',
  name: 'claimName',
  phone: 'claimPhone',
  idNumber: 'claimIdNumber',
};

/**
 * The reward of a report (举报奖励), on the progress page when the report has a reward case: its status in plain
 * words, the amount, the date to claim by, and the claim form (with the identity of an anonymous reporter, which
 * goes to intake's identity vault; the rewards service never sees it).
 */
export default function RewardSection({ code, initial }: { code: string; initial: PublicReward }) {
  const { t } = useI18n();
  const focusFirst = useFocusFirst();
  const [reward, setReward] = useState<PublicReward | undefined>(isPublicReward(initial) ? initial : undefined);
  const [method, setMethod] = useState<PayoutMethod>();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [idNumber, setIdNumber] = useState('');
  // identified through intake already (a claim that failed after it is sent again without the identity)
  const [identified, setIdentified] = useState(false);
  const [problems, setProblems] = useState<Problems>({});
  const [general, setGeneral] = useState<Problem[]>([]);
  const [sending, setSending] = useState(false);
  const receipt = `/api/rewards/public/receipts/${encodeURIComponent(code)}`;

  if (!reward) return null;
  const { status } = reward;
  const askIdentity = reward.identityNeeded && !identified;

  const check = (): Problems => {
    const found: Problems = {};
    if (!method) found.claimMethod = [{ key: 'reward.methodRequired' }];
    if (askIdentity) {
      if (!name.trim()) found.claimName = [{ key: 'identity.nameRequired' }];
      if (!PHONE.test(phone.replace(/\s/g, ''))) found.claimPhone = [{ key: 'identity.phoneInvalid' }];
      if (!validIdNumber(normaliseIdNumber(idNumber))) found.claimIdNumber = [{ key: 'reward.idNumberInvalid' }];
    }
    return found;
  };

  const show = (found: Problems, messages: Problem[]) => {
    setProblems(found);
    setGeneral(messages);
    const first = Object.keys(SLOT_IDS).filter((slot) => found[slot]?.length);
    if (first.length) focusFirst(first.map((slot) => SLOT_IDS[slot]));
    else if (messages.length) focusFirst(['reward-error']);
  };

  const claim = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    const found = check();
    if (Object.keys(found).length) return show(found, [{ key: 'error.checkFields' }]);
    setSending(true);
    show({}, []);
    try {
      if (askIdentity) {
        const identity = { name: name.trim(), phone: phone.replace(/\s/g, ''), idNumber: normaliseIdNumber(idNumber) };
        try {
          await api(`/api/intake/receipts/${encodeURIComponent(code)}/identify`, { json: identity, auth: false });
        } catch (error) {
          // identified before (e.g. in another tab; rewards learns it a moment later): go on with the claim
          if (!(error instanceof ApiError && error.code === 'REPORTER_ALREADY_IDENTIFIED')) throw error;
        }
        // the identity is in the vault now: keep no copy in the page
        setIdentified(true);
        setName('');
        setPhone('');
        setIdNumber('');
      }
      const next = await api<unknown>(`${receipt}/claim`, { json: { method }, auth: false });
      const answer = isPublicReward(next) ? next : await api<unknown>(receipt, { auth: false });
      if (isPublicReward(answer)) setReward(answer);
      focusFirst(['reward-status']);
    } catch (error) {
      const routed = routeApiError(error, API_SLOTS);
      show(routed.fields, routed.general);
      // the case moved on meanwhile (claimed elsewhere, expired): show where it is now
      if (error instanceof ApiError && error.status === 409) {
        api<unknown>(receipt, { auth: false })
          .then((body) => isPublicReward(body) && setReward(body))
          .catch(() => undefined);
      }
    } finally {
      setSending(false);
    }
  };

  const statusText =
    status === 'notified'
      ? reward.claimBy
        ? t('reward.status.notifiedBy', { date: reward.claimBy })
        : t('reward.status.notified')
      : t(`reward.status.${status}`);

  return (
    <section className="card" aria-labelledby="reward-title" data-testid="reward-section">
      <h2 id="reward-title" className="label">
        {t('reward.title')}
      </h2>
      <p id="reward-status" className={`stage stage-reward-${status}`} role="status" tabIndex={-1} data-testid="reward-status" data-status={status}>
        {statusText}
      </p>
      {(reward.amountFen !== undefined || reward.claimBy) && (
        <dl className="facts">
          {reward.amountFen !== undefined && (
            <>
              <dt>{t('reward.amount')}</dt>
              <dd className="amount" data-testid="reward-amount" data-fen={reward.amountFen}>
                {t('reward.yuan', { amount: formatYuan(reward.amountFen) })}
              </dd>
            </>
          )}
          {reward.claimBy && (
            <>
              <dt>{t('reward.claimBy')}</dt>
              <dd data-testid="reward-claim-by">{reward.claimBy}</dd>
            </>
          )}
        </dl>
      )}
      <p className="hint">{t(`reward.explain.${status}`)}</p>

      {status === 'notified' && (
        <form className="claim" onSubmit={claim} noValidate data-testid="claim-form">
          <fieldset className="field" id="claimMethod" {...invalidProps('claimMethod', problems.claimMethod)}>
            <legend className="label">
              {t('reward.method')} <span className="required">{t('form.required')}</span>
            </legend>
            <div className="segmented">
              {PAYOUT_METHODS.map((m) => (
                <label key={m} className={`segment${method === m ? ' segment-on' : ''}`} data-testid={`method-${m}`}>
                  <input
                    className="sr-only"
                    type="radio"
                    name="claim-method"
                    value={m}
                    checked={method === m}
                    onChange={() => setMethod(m)}
                    aria-describedby="claimMethod-hint"
                  />
                  {t(`reward.method.${m}`)}
                </label>
              ))}
            </div>
            <p className="hint" id="claimMethod-hint">
              {t(method === 'in-person' ? 'reward.inPersonNote' : 'reward.bankNote')}
            </p>
            <FieldError slot="claimMethod" problems={problems.claimMethod} />
          </fieldset>

          {askIdentity ? (
            <fieldset className="field" data-testid="claim-identity">
              <legend className="label">{t('reward.identity')}</legend>
              <div className="protect" id="claim-protection">
                <p>{t('reward.identityWhy')}</p>
                <strong>{t('identity.protectTitle')}</strong>
                <ul>
                  <li>{t('reward.protectVault')}</li>
                  <li>{t('reward.protectOfficer')}</li>
                  <li>{t('identity.protectLogged')}</li>
                  <li>{t('identity.protectNever')}</li>
                </ul>
              </div>
              <TextField
                id="claimName"
                testId="claim-name"
                label={t('identity.name')}
                mark="required"
                sub
                describedBy="claim-protection"
                problems={problems.claimName}
                type="text"
                maxLength={50}
                autoComplete="name"
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
              <TextField
                id="claimPhone"
                testId="claim-phone"
                label={t('identity.phone')}
                mark="required"
                sub
                describedBy="claim-protection"
                problems={problems.claimPhone}
                type="tel"
                inputMode="tel"
                maxLength={20}
                autoComplete="tel"
                value={phone}
                onChange={(e) => setPhone(e.target.value)}
              />
              <TextField
                id="claimIdNumber"
                testId="claim-id-number"
                label={t('reward.idNumber')}
                mark="required"
                sub
                describedBy="claim-protection"
                problems={problems.claimIdNumber}
                className="code-input"
                type="text"
                maxLength={22}
                autoComplete="off"
                autoCapitalize="characters"
                autoCorrect="off"
                spellCheck={false}
                value={idNumber}
                onChange={(e) => setIdNumber(e.target.value)}
              />
            </fieldset>
          ) : (
            reward.identityNeeded && <p className="protect">{t('reward.identitySent')}</p>
          )}

          <FormError id="reward-error" problems={general} />
          <button type="submit" className="button button-primary button-block" disabled={sending} data-testid="claim-reward">
            {sending ? t('reward.claiming') : t('reward.claim')}
          </button>
        </form>
      )}
    </section>
  );
}
