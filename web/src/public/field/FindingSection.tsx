import { useState, type FormEvent } from 'react';
import { api } from '../../shared/api';
import type { LatLng } from '../../shared/geo';
import { useI18n } from '../../shared/i18n';
import { CategoryPicker } from '../components/CategoryPicker';
import { FieldError, FormError, invalidProps } from '../components/FieldError';
import { LocationPicker } from '../components/LocationPicker';
import { PhotoPicker, type Photo } from '../components/PhotoPicker';
import { TextField } from '../components/TextField';
import { DESCRIPTION, GRID_CODE, type CategoryCode } from '../lib/categories';
import { useFocusFirst } from '../lib/focus';
import { routeApiError, type Problem, type Problems } from '../lib/problems';
import type { OnFailure } from './FieldHome';

const SLOT_IDS: Record<string, string> = {
  category: 'finding-category',
  description: 'finding-description',
  gridCode: 'finding-grid',
  position: 'finding-position',
  address: 'finding-address',
  photos: 'finding-photos',
};

const API_SLOTS: Record<string, string> = {
  category: 'category',
  description: 'description',
  gridCode: 'gridCode',
  position: 'position',
  'location.address': 'address',
  location: 'position',
  files: 'photos',
};

/** 上报巡查发现: category, what, which grid, the GPS point (required), photos. */
export function FindingSection({ defaultGrid, onSent, onFailure }: { defaultGrid: string; onSent(): void; onFailure: OnFailure }) {
  const { t } = useI18n();
  const focusFirst = useFocusFirst();
  const [category, setCategory] = useState<CategoryCode>();
  const [description, setDescription] = useState('');
  // the grid follows the check-in's until it is changed here
  const [ownGrid, setOwnGrid] = useState<string>();
  const grid = ownGrid ?? defaultGrid;
  const [position, setPosition] = useState<LatLng>();
  const [accuracy, setAccuracy] = useState<number>();
  const [address, setAddress] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [problems, setProblems] = useState<Problems>({});
  const [general, setGeneral] = useState<Problem[]>([]);
  const [sent, setSent] = useState(false);
  const [sending, setSending] = useState(false);
  const [formKey, setFormKey] = useState(0);

  const show = (found: Problems, messages: Problem[]) => {
    setProblems(found);
    setGeneral(messages);
    const slots = Object.keys(SLOT_IDS).filter((s) => found[s]?.length);
    focusFirst(slots.length ? slots.map((s) => SLOT_IDS[s]) : messages.length ? ['finding-error'] : []);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    setSent(false);
    const found: Problems = {};
    if (!category) found.category = [{ key: 'report.categoryRequired' }];
    if (description.trim().length < DESCRIPTION.min) found.description = [{ key: 'report.descriptionTooShort', vars: { min: DESCRIPTION.min } }];
    if (!GRID_CODE.test(grid.trim())) found.gridCode = [{ key: 'field.gridInvalid' }];
    if (!position) found.position = [{ key: 'field.finding.positionRequired' }];
    if (Object.keys(found).length) return show(found, [{ key: 'error.checkFields' }]);
    const report = {
      category,
      description: description.trim(),
      gridCode: grid.trim(),
      position,
      location: address.trim() ? { address: address.trim() } : {},
    };
    setSending(true);
    show({}, []);
    try {
      if (photos.length) {
        const form = new FormData();
        form.append('report', JSON.stringify(report));
        for (const photo of photos) form.append('files', photo.file, photo.file.name);
        await api('/api/intake/patrol/findings', { form });
      } else {
        await api('/api/intake/patrol/findings', { json: report });
      }
      photos.forEach((p) => p.url && URL.revokeObjectURL(p.url));
      setCategory(undefined);
      setDescription('');
      setPosition(undefined);
      setAccuracy(undefined);
      setAddress('');
      setPhotos([]);
      setFormKey((n) => n + 1);
      setSent(true);
      onSent();
    } catch (error) {
      onFailure(error);
      const routed = routeApiError(error, API_SLOTS);
      show(routed.fields, routed.general);
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="card" id="finding-section" aria-labelledby="finding-title">
      <h2 id="finding-title">{t('field.finding.title')}</h2>
      <form onSubmit={submit} noValidate key={formKey}>
        <CategoryPicker name="finding-category" value={category} onChange={setCategory} testIdPrefix="finding-category-" problems={problems.category} />
        <div className="field">
          <label className="label" htmlFor="finding-description">
            {t('report.description')} <span className="required">{t('form.required')}</span>
          </label>
          <textarea
            id="finding-description"
            data-testid="finding-description"
            rows={4}
            maxLength={DESCRIPTION.max}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            {...invalidProps('finding-description', problems.description)}
          />
          <p className="counter">{t('form.counter', { count: description.length, max: DESCRIPTION.max })}</p>
          <FieldError slot="finding-description" problems={problems.description} />
        </div>
        <div className="field">
          <TextField
            id="finding-grid"
            testId="finding-grid-code"
            slot="finding-gridCode"
            label={t('field.gridCode')}
            mark="required"
            problems={problems.gridCode}
            type="text"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={32}
            value={grid}
            onChange={(e) => setOwnGrid(e.target.value)}
          />
        </div>
        <fieldset className="field">
          <legend className="label">
            {t('field.finding.position')} <span className="required">{t('form.required')}</span>
          </legend>
          <LocationPicker
            name="finding-position"
            value={position}
            accuracy={accuracy}
            onChange={(p, a) => {
              setPosition(p);
              setAccuracy(a);
            }}
            hintKey="map.hintGps"
            gpsTestId="use-gps"
            gpsLabel={t('gps.useGps')}
            problems={problems.position}
          />
          <TextField
            id="finding-address"
            testId="finding-address"
            label={t('field.finding.address')}
            mark="optional"
            sub
            problems={problems.address}
            type="text"
            maxLength={200}
            value={address}
            onChange={(e) => setAddress(e.target.value)}
          />
        </fieldset>
        <PhotoPicker name="finding-photos" photos={photos} setPhotos={setPhotos} inputTestId="finding-photo-input" problems={problems.photos} />
        <FormError id="finding-error" problems={general} />
        <button type="submit" className="button button-primary button-block" disabled={sending} data-testid="submit-finding">
          {sending ? t('field.sending') : t('field.finding.submit')}
        </button>
      </form>
      <p className="success" role="status">
        {sent ? t('field.finding.sent') : ''}
      </p>
    </section>
  );
}
