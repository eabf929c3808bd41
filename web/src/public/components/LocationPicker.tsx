import { useState } from 'react';
import { townAt, type LatLng } from '../../shared/geo';
import { useI18n } from '../../shared/i18n';
import { TownMap } from '../../shared/town-map';
import { formatPoint } from '../lib/format';
import { GpsError, locate } from '../lib/gps';
import { useMapData } from '../lib/map-data';
import type { Problem } from '../lib/problems';
import { FieldError } from './FieldError';

interface Props {
  /** the slot name of the messages, and the id of the block */
  name: string;
  value?: LatLng;
  /** accuracy in metres when the point came from GPS */
  accuracy?: number;
  onChange(point: LatLng | undefined, accuracy?: number): void;
  gpsTestId: string;
  gpsLabel: string;
  /** how to give the point (message key) */
  hintKey: string;
  problems?: Problem[];
}

/** The town's name in the current language (message town.<code>), else the name the boundaries carry. */
export function useTownName(): (code: string, name?: string) => string {
  const { t } = useI18n();
  return (code, name) => {
    const key = `town.${code}`;
    const label = t(key);
    return label === key ? (name ?? code) : label;
  };
}

/**
 * A point, tapped on the SVG map of Yiwu's towns (works offline) or taken from the phone's GPS, with the town it
 * falls in as instant feedback (the server decides the town for real).
 */
export function LocationPicker({ name, value, accuracy, onChange, gpsTestId, gpsLabel, hintKey, problems }: Props) {
  const { t } = useI18n();
  const townName = useTownName();
  const { data, failed, retry } = useMapData();
  const [locating, setLocating] = useState(false);
  const [gpsProblem, setGpsProblem] = useState<Problem[]>([]);

  const useGps = async () => {
    setLocating(true);
    setGpsProblem([]);
    try {
      const fix = await locate();
      onChange({ lat: fix.lat, lng: fix.lng }, fix.accuracy);
    } catch (error) {
      setGpsProblem([{ key: error instanceof GpsError ? error.key : 'gps.unavailable' }]);
    } finally {
      setLocating(false);
    }
  };

  const town = value && data ? townAt(data.boundaries, value) : undefined;
  return (
    <div className="location" id={name}>
      <div className="row">
        <button type="button" className="button button-secondary" onClick={useGps} disabled={locating} data-testid={gpsTestId}>
          {locating ? t('gps.locating') : gpsLabel}
        </button>
        {value && (
          <button type="button" className="button button-link" onClick={() => onChange(undefined)}>
            {t('map.clear')}
          </button>
        )}
      </div>
      <FieldError slot={`${name}-gps`} problems={gpsProblem} />
      <p className="hint">{t(hintKey)}</p>
      {data ? (
        <div className="map" data-testid="town-map">
          <TownMap
            boundaries={data.boundaries}
            tiles={data.tiles}
            value={value}
            onPick={(point) => onChange(point)}
            title={t('map.title')}
            label={(code, townLabel) => townName(code, townLabel)}
            height={360}
          />
        </div>
      ) : (
        <div className="map map-empty">
          {failed ? (
            <>
              <span>{t('map.failed')}</span>
              <button type="button" className="button button-link" onClick={retry}>
                {t('action.retry')}
              </button>
            </>
          ) : (
            <span>{t('map.loading')}</span>
          )}
        </div>
      )}
      <p className="picked" aria-live="polite">
        {value
          ? town
            ? t(town.properties.approximate ? 'map.pickedApproximate' : 'map.picked', { town: townName(town.properties.code, town.properties.name), point: formatPoint(value) })
            : t('map.outside', { point: formatPoint(value) })
          : t('map.none')}
        {value && accuracy !== undefined && <> {t('gps.accuracy', { metres: accuracy })}</>}
      </p>
      {data?.approximate && <p className="hint">{t('map.approximate')}</p>}
      <FieldError slot={name} problems={problems} />
    </div>
  );
}
