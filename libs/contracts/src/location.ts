/** Where a problem was seen: a map point (WGS-84), an address, or both. */
export interface Location {
  lat?: number;
  lng?: number;
  address?: string;
  /** town/subdistrict code when known (see TOWNS) */
  townCode?: string;
}
