import { useEffect, useRef, useState, type ChangeEvent, type Dispatch, type SetStateAction } from 'react';
import { useI18n } from '../../shared/i18n';
import { preparePhoto } from '../../shared/photos';
import { MEDIA } from '../lib/categories';
import { formatSize } from '../lib/format';
import type { Problem } from '../lib/problems';
import { FieldError } from './FieldError';

export interface Photo {
  id: number;
  file: File;
  /** object URL for the preview (photos only) */
  url?: string;
  video: boolean;
}

interface Props {
  /** id prefix of the inputs and the slot name of the messages */
  name: string;
  photos: Photo[];
  setPhotos: Dispatch<SetStateAction<Photo[]>>;
  /** data-testid of the album input (several files, photos or videos) */
  inputTestId: string;
  problems?: Problem[];
}

let nextId = 1;

/**
 * Photos and videos from the camera or the album, at most nine. Each photo is made smaller on the phone first
 * (preparePhoto keeps its GPS for staff), so a report goes out quickly on a mobile network.
 */
export function PhotoPicker({ name, photos, setPhotos, inputTestId, problems }: Props) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(0);
  const [notes, setNotes] = useState<Problem[]>([]);
  const current = useRef(photos);
  current.current = photos;
  // the previews' object URLs are released with the page
  useEffect(() => () => current.current.forEach((p) => p.url && URL.revokeObjectURL(p.url)), []);

  const add = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = Array.from(event.target.files ?? []);
    event.target.value = ''; // the same file may be chosen again after removing it
    if (chosen.length === 0) return;
    const room = MEDIA.files - current.current.length - busy;
    const taken = chosen.slice(0, Math.max(0, room));
    const found: Problem[] = [];
    if (chosen.length > taken.length) found.push({ key: 'photos.tooMany', vars: { max: MEDIA.files, skipped: chosen.length - taken.length } });
    setBusy((n) => n + taken.length);
    for (const original of taken) {
      const video = original.type.startsWith('video/');
      let file = original;
      try {
        file = await preparePhoto(original);
      } catch {
        file = original;
      }
      setBusy((n) => n - 1);
      const limit = video ? MEDIA.videoBytes : MEDIA.photoBytes;
      if (file.size > limit) {
        found.push({ key: video ? 'photos.videoTooLarge' : 'photos.photoTooLarge', vars: { name: file.name, max: formatSize(limit) } });
        continue;
      }
      const total = current.current.reduce((sum, p) => sum + p.file.size, 0) + file.size;
      if (total > MEDIA.totalBytes) {
        found.push({ key: 'photos.totalTooLarge', vars: { max: formatSize(MEDIA.totalBytes) } });
        continue;
      }
      const photo: Photo = { id: nextId++, file, video, url: video ? undefined : URL.createObjectURL(file) };
      current.current = [...current.current, photo];
      setPhotos((list) => [...list, photo]);
    }
    setNotes(found);
  };

  const remove = (photo: Photo) => {
    if (photo.url) URL.revokeObjectURL(photo.url);
    setPhotos((list) => list.filter((p) => p.id !== photo.id));
    setNotes([]);
  };

  const full = photos.length + busy >= MEDIA.files;
  return (
    <fieldset className="field" id={name}>
      <legend className="label">
        {t('photos.label')} <span className="optional">{t('photos.count', { count: photos.length, max: MEDIA.files })}</span>
      </legend>
      <p className="hint" id={`${name}-hint`}>
        {t('photos.hint')}
      </p>
      {(photos.length > 0 || busy > 0) && (
        <ul className="thumbs">
          {photos.map((photo, index) => (
            <li key={photo.id} className="thumb">
              {photo.url ? <img src={photo.url} alt={t('photos.preview', { n: index + 1 })} /> : <span className="thumb-video">{t('photos.video')}</span>}
              <span className="thumb-size">{formatSize(photo.file.size)}</span>
              <button type="button" className="thumb-remove" onClick={() => remove(photo)} aria-label={t('photos.remove', { n: index + 1 })}>
                {t('photos.removeMark')}
              </button>
            </li>
          ))}
          {Array.from({ length: busy }, (_, i) => (
            <li key={`busy-${i}`} className="thumb thumb-busy" aria-live="polite">
              {t('photos.preparing')}
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        <label className={`button button-secondary${full ? ' button-disabled' : ''}`}>
          <input
            className="sr-only"
            type="file"
            accept="image/*"
            capture="environment"
            disabled={full}
            onChange={add}
            aria-describedby={`${name}-hint`}
          />
          {t('photos.camera')}
        </label>
        <label className={`button button-secondary${full ? ' button-disabled' : ''}`}>
          <input
            className="sr-only"
            type="file"
            accept="image/*,video/*"
            multiple
            disabled={full}
            onChange={add}
            data-testid={inputTestId}
            aria-describedby={`${name}-hint`}
          />
          {t('photos.album')}
        </label>
      </div>
      <FieldError slot={`${name}-notes`} problems={notes} />
      <FieldError slot={name} problems={problems} />
    </fieldset>
  );
}
