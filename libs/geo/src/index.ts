/**
 * Town by location for Yiwu: point-in-polygon over town boundaries (built-in approximate ones or an official GeoJSON),
 * a keyword fallback on the address, and great-circle distance. Pure: no I/O, no framework.
 */
export * from './geojson';
export * from './point-in-polygon';
export * from './address-keywords';
export * from './boundaries';
