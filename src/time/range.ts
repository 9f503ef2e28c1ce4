/**
 * The supported range of dates, in one place.
 *
 * Local dates from 1900-01-01 to 9999-12-31. Instants from 1900-01-02T00:00:00Z to
 * 9999-12-30T23:59:59.999Z: a day inside the local-date range at each end, so that an accepted
 * instant has a local date inside the range in every zone and at every offset up to ±18:00, and
 * its written form (`YYYY-…`) never needs a fifth year digit. Every value the library accepts lies
 * in this range, and every value it computes is checked against it before it is written
 * (`DATE_OUT_OF_RANGE`, params `{ path, value, min, max }`), so the library never writes a date
 * its own parser refuses.
 * @internal
 * @module
 */
import { MS_PER_DAY } from './civil.js';

/** The first supported local date. */
export const MIN_LOCAL_DATE = '1900-01-01';
/** The last supported local date. */
export const MAX_LOCAL_DATE = '9999-12-31';
/** Day number (days since 1970-01-01) of {@link MIN_LOCAL_DATE}. */
export const MIN_DAY = -25_567;
/** Day number of {@link MAX_LOCAL_DATE}. */
export const MAX_DAY = 2_932_896;
/** The first supported instant, epoch ms (1900-01-02T00:00:00Z). */
export const MIN_INSTANT_MS: number = (MIN_DAY + 1) * MS_PER_DAY;
/** The last supported instant, epoch ms (9999-12-30T23:59:59.999Z). */
export const MAX_INSTANT_MS: number = MAX_DAY * MS_PER_DAY - 1;
/** The first supported instant as written in findings. */
export const MIN_INSTANT = '1900-01-02T00:00:00Z';
/** The last supported instant as written in findings. */
export const MAX_INSTANT = '9999-12-30T23:59:59.999Z';

/** Whether a day number is a supported local date. */
export function dayInRange(day: number): boolean {
  return day >= MIN_DAY && day <= MAX_DAY;
}

/** Whether epoch milliseconds are a supported instant. */
export function instantInRange(ms: number): boolean {
  return ms >= MIN_INSTANT_MS && ms <= MAX_INSTANT_MS;
}

/** Whether a `YYYY-MM-DD` that is a real calendar date lies outside the supported range (string order is date order). */
export function localDateOutOfRange(text: string): boolean {
  return text < MIN_LOCAL_DATE || text > MAX_LOCAL_DATE;
}
