import type { LatLng } from '../../shared/geo';

export interface Fix extends LatLng {
  /** metres */
  accuracy: number;
}

/** Why no position: a message key of the public catalogs. */
export class GpsError extends Error {
  constructor(readonly key: string) {
    super(key);
  }
}

/** The device's position (WGS-84, as browsers give it), rounded to about 10 cm. */
export function locate(timeout = 15_000): Promise<Fix> {
  if (!('geolocation' in navigator)) return Promise.reject(new GpsError('gps.unsupported'));
  if (!window.isSecureContext) return Promise.reject(new GpsError('gps.insecure'));
  return new Promise((resolve, reject) => {
    navigator.geolocation.getCurrentPosition(
      (p) =>
        resolve({
          lat: Number(p.coords.latitude.toFixed(6)),
          lng: Number(p.coords.longitude.toFixed(6)),
          accuracy: Math.round(p.coords.accuracy),
        }),
      (error) => reject(new GpsError(error.code === 1 ? 'gps.denied' : error.code === 3 ? 'gps.timeout' : 'gps.unavailable')),
      { enableHighAccuracy: true, timeout, maximumAge: 30_000 },
    );
  });
}
