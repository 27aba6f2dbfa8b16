/** Which store a stock screen shows and posts to: the site store unless a sub-store is chosen. */
export interface StoreScope {
  siteId: number;
  locationId?: number;
}
