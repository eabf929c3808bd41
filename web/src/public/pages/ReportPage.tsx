import { lazy, Suspense, useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../shared/api';
import type { LatLng } from '../../shared/geo';
import { useI18n, type Bilingual } from '../../shared/i18n';
import { CategoryPicker } from '../components/CategoryPicker';
import { ChunkBoundary } from '../components/ChunkBoundary';
import { FieldError, FormError, invalidProps } from '../components/FieldError';
import { LocationPicker } from '../components/LocationPicker';
import { PhotoPicker, type Photo } from '../components/PhotoPicker';
import { TextField } from '../components/TextField';
import { DESCRIPTION, PHONE, type CategoryCode } from '../lib/categories';
import { useFocusFirst, useTitle } from '../lib/focus';
import { beijingNowLocal, observedAtIso } from '../lib/format';
import { routeApiError, type Problem, type Problems } from '../lib/problems';
import type { PublicBounty } from '../lib/rewards';

/** The bounty select loads only when there are open bounties: most reports are no bounty's lead. */
const BountyPicker = lazy(() => import('../components/BountyPicker'));

interface ReportReceipt extends Bilingual {
  receiptCode: string;
  submittedAt: string;
}

/** Where each slot's messages go, in the order the form reads; the values are the ids to focus. */
const SLOT_IDS: Record<string, string> = {
  category: 'category',
  description: 'description',
  location: 'location',
  address: 'address',
  observedAt: 'observedAt',
  photos: 'photos',
  bounty: 'bounty',
  identity: 'identity',
  name: 'reporterName',
  phone: 'reporterPhone',
  insider: 'insider',
};

/** API field path → slot. */
const API_SLOTS: Record<string, string> = {
  category: 'category',
  description: 'description',
  observedAt: 'observedAt',
  'location.address': 'address',
  location: 'location',
  'reporter.name': 'name',
  'reporter.phone': 'phone',
  reporter: 'identity',
  anonymous: 'identity',
  insider: 'insider',
  files: 'photos',
  bountyId: 'bounty',
};

/** The public report form (no login): what, where, when, photos, anonymous or real name. */
export default function ReportPage() {
  const { t } = useI18n();
  useTitle('report.title');
  const navigate = useNavigate();
  const focusFirst = useFocusFirst();
  const [category, setCategory] = useState<CategoryCode>();
  const [description, setDescription] = useState('');
  const [point, setPoint] = useState<LatLng>();
  const [accuracy, setAccuracy] = useState<number>();
  const [address, setAddress] = useState('');
  const [observedAt, setObservedAt] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [realName, setRealName] = useState(false);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [insider, setInsider] = useState(false);
  const [problems, setProblems] = useState<Problems>({});
  const [general, setGeneral] = useState<Problem[]>([]);
  const [sending, setSending] = useState(false);
  // open bounties (悬赏), asked once the form is drawn; none while loading or when the request fails
  const wantedBounty = useSearchParams()[0].get('bounty') ?? '';
  const [bounties, setBounties] = useState<PublicBounty[]>();
  const [bountyId, setBountyId] = useState(wantedBounty);
  const bounty = bounties?.find((b) => b.bountyId === bountyId);

  useEffect(() => {
    let live = true;
    api<{ items?: PublicBounty[] }>('/api/rewards/public/bounties', { auth: false })
      .then((answer) => live && setBounties(Array.isArray(answer?.items) ? answer.items : []))
      .catch(() => live && setBounties([]));
    return () => {
      live = false;
    };
  }, []);

  const check = (): Problems => {
    const found: Problems = {};
    if (!category) found.category = [{ key: 'report.categoryRequired' }];
    const text = description.trim();
    if (text.length < DESCRIPTION.min) found.description = [{ key: 'report.descriptionTooShort', vars: { min: DESCRIPTION.min } }];
    if (!point && !address.trim()) found.location = [{ key: 'report.locationRequired' }];
    if (observedAt && observedAt > beijingNowLocal(Date.now() + 5 * 60_000)) found.observedAt = [{ key: 'report.observedInFuture' }];
    if (realName) {
      if (!name.trim()) found.name = [{ key: 'identity.nameRequired' }];
      if (!PHONE.test(phone.replace(/\s/g, ''))) found.phone = [{ key: 'identity.phoneInvalid' }];
    }
    return found;
  };

  const show = (found: Problems, messages: Problem[]) => {
    setProblems(found);
    setGeneral(messages);
    const first = Object.keys(SLOT_IDS).filter((slot) => found[slot]?.length);
    if (first.length) focusFirst(first.map((slot) => SLOT_IDS[slot]));
    else if (messages.length) focusFirst(['report-error']);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    const found = check();
    if (Object.keys(found).length) return show(found, [{ key: 'error.checkFields' }]);
    const report = {
      category,
      description: description.trim(),
      ...(observedAt ? { observedAt: observedAtIso(observedAt) } : {}),
      location: { ...(point ?? {}), ...(address.trim() ? { address: address.trim() } : {}) },
      anonymous: !realName,
      insider,
      ...(realName ? { reporter: { name: name.trim(), phone: phone.replace(/\s/g, '') } } : {}),
      ...(bounty ? { bountyId: bounty.bountyId } : {}),
    };
    setSending(true);
    show({}, []);
    try {
      let receipt: ReportReceipt;
      if (photos.length) {
        const form = new FormData();
        form.append('report', JSON.stringify(report));
        for (const photo of photos) form.append('files', photo.file, photo.file.name);
        receipt = await api<ReportReceipt>('/api/intake/reports', { form, auth: false });
      } else {
        receipt = await api<ReportReceipt>('/api/intake/reports', { json: report, auth: false });
      }
      navigate(`/receipt/${receipt.receiptCode}`, { state: { message: { zh: receipt.zh, en: receipt.en } } });
    } catch (error) {
      const routed = routeApiError(error, API_SLOTS);
      show(routed.fields, routed.general);
      setSending(false);
    }
  };

  // a link to a bounty (/report?bounty=<id>) puts the select first; a bounty no longer open is said so
  const bountyField = bounties?.length ? (
    <ChunkBoundary quiet resetKey="bounty">
      <Suspense fallback={null}>
        <BountyPicker bounties={bounties} value={bountyId} onChange={setBountyId} problems={problems.bounty} />
      </Suspense>
    </ChunkBoundary>
  ) : null;

  return (
    <form className="page" onSubmit={submit} noValidate>
      <h1>{t('report.title')}</h1>
      <p className="lead">{t('report.lead')}</p>
      <p className="banner banner-warning">{t('report.emergency')}</p>
      {wantedBounty && bounties && !bounties.some((b) => b.bountyId === wantedBounty) && (
        <p className="banner banner-warning" data-testid="bounty-missing">
          {t('bounty.missing')}
        </p>
      )}
      {wantedBounty && bountyField}

      <CategoryPicker name="category" value={category} onChange={setCategory} testIdPrefix="category-" problems={problems.category} />

      <div className="field">
        <label className="label" htmlFor="description">
          {t('report.description')} <span className="required">{t('form.required')}</span>
        </label>
        <p className="hint" id="description-hint">
          {t('report.descriptionHint')}
        </p>
        <textarea
          id="description"
          data-testid="description"
          rows={5}
          maxLength={DESCRIPTION.max}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          {...invalidProps('description', problems.description, 'description-hint')}
        />
        <p className="counter" aria-live="off">
          {t('form.counter', { count: description.length, max: DESCRIPTION.max })}
        </p>
        <FieldError slot="description" problems={problems.description} />
      </div>

      <fieldset className="field">
        <legend className="label">
          {t('report.location')} <span className="required">{t('form.required')}</span>
        </legend>
        <LocationPicker
          name="location"
          value={point}
          accuracy={accuracy}
          onChange={(p, a) => {
            setPoint(p);
            setAccuracy(a);
          }}
          hintKey="map.hint"
          gpsTestId="use-my-location"
          gpsLabel={t('gps.useMine')}
          problems={problems.location}
        />
        <TextField
          id="address"
          testId="address"
          label={t('report.address')}
          sub
          problems={problems.address}
          type="text"
          maxLength={200}
          autoComplete="street-address"
          placeholder={t('report.addressPlaceholder')}
          value={address}
          onChange={(e) => setAddress(e.target.value)}
        />
      </fieldset>

      <div className="field">
        <TextField
          id="observedAt"
          label={t('report.observedAt')}
          mark="optional"
          hint={t('report.observedAtHint')}
          problems={problems.observedAt}
          type="datetime-local"
          max={beijingNowLocal()}
          value={observedAt}
          onChange={(e) => setObservedAt(e.target.value)}
        />
      </div>

      <PhotoPicker name="photos" photos={photos} setPhotos={setPhotos} inputTestId="photo-input" problems={problems.photos} />

      {!wantedBounty && bountyField}

      <fieldset className="field" id="identity">
        <legend className="label">{t('identity.label')}</legend>
        <div className="segmented">
          <label className={`segment${realName ? '' : ' segment-on'}`}>
            <input className="sr-only" type="radio" name="identity" checked={!realName} onChange={() => setRealName(false)} />
            {t('identity.anonymous')}
          </label>
          <label className={`segment${realName ? ' segment-on' : ''}`} data-testid="anonymous-toggle">
            <input className="sr-only" type="radio" name="identity" checked={realName} onChange={() => setRealName(true)} />
            {t('identity.realName')}
          </label>
        </div>
        {realName ? (
          <>
            <div className="protect" id="identity-protection">
              <strong>{t('identity.protectTitle')}</strong>
              <ul>
                <li>{t('identity.protectEncrypted')}</li>
                <li>{t('identity.protectOfficer')}</li>
                <li>{t('identity.protectLogged')}</li>
                <li>{t('identity.protectNever')}</li>
              </ul>
            </div>
            <TextField
              id="reporterName"
              testId="reporter-name"
              slot="name"
              label={t('identity.name')}
              mark="required"
              sub
              describedBy="identity-protection"
              problems={problems.name}
              type="text"
              maxLength={50}
              autoComplete="name"
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
            <TextField
              id="reporterPhone"
              testId="reporter-phone"
              slot="phone"
              label={t('identity.phone')}
              mark="required"
              sub
              describedBy="identity-protection"
              problems={problems.phone}
              type="tel"
              inputMode="tel"
              maxLength={20}
              autoComplete="tel"
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
            />
          </>
        ) : (
          <p className="protect">{t('identity.anonymousNote')}</p>
        )}
        <FieldError slot="identity" problems={problems.identity} />
        <label className="check" htmlFor="insider">
          <input id="insider" type="checkbox" checked={insider} onChange={(e) => setInsider(e.target.checked)} aria-describedby="insider-hint" />
          <span>{t('identity.insider')}</span>
        </label>
        <p className="hint" id="insider-hint">
          {t('identity.insiderHint')}
        </p>
        <FieldError slot="insider" problems={problems.insider} />
      </fieldset>

      <FormError id="report-error" problems={general} />
      <button type="submit" className="button button-primary button-block" disabled={sending} data-testid="submit-report">
        {sending ? t('report.sending') : t('report.submit')}
      </button>
      <p className="hint center">{t('report.afterSubmit')}</p>
      <p className="center">
        <Link to="/progress">{t('report.toProgress')}</Link>
      </p>
    </form>
  );
}
