/**
 * Proleptic Gregorian calendar arithmetic on whole days.
 *
 * A local date is handled on the hot path as a *day number*: days since 1970-01-01. Differences
 * of day numbers are calendar days, whatever the zone's DST does; no 24-hour multiples anywhere.
 * @internal
 * @module
 */

/** Milliseconds in a UTC day (used only to split epoch milliseconds, never to count calendar days). */
export const MS_PER_DAY = 86_400_000;

const LOCAL_DATE = /^([1-9]\d{3})-(\d{2})-(\d{2})$/;

/** Day number (days since 1970-01-01) of a civil date; Howard Hinnant's `days_from_civil`. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Civil date of a day number; Howard Hinnant's `civil_from_days`. */
export function civilFromDays(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day number of a `YYYY-MM-DD` string, or `undefined` when it is not a real calendar date. */
export function parseLocalDate(text: string): number | undefined {
  const m = LOCAL_DATE.exec(text);
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `YYYY-MM-DD` of a day number. */
export function formatLocalDate(dayNumber: number): string {
  const { year, month, day } = civilFromDays(dayNumber);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/**
 * Adds calendar months to a day number. A day that does not exist in the target month rolls
 * forward to the first of the next month (CDSi's rule): 31 Jan + 1 month = 1 Mar,
 * 29 Feb 2028 + 12 months = 1 Mar 2029.
 */
export function addMonths(dayNumber: number, months: number): number {
  const { year, month, day } = civilFromDays(dayNumber);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  if (day > daysInMonth(y, m)) return daysFromCivil(y, m, daysInMonth(y, m)) + 1;
  return daysFromCivil(y, m, day);
}

/** ISO weekday (Monday = 1 … Sunday = 7) of a day number. */
export function isoWeekday(dayNumber: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

export { pad2 };

/** The civil date and time of local milliseconds (epoch ms shifted by an offset), to the second. */
export function civilFromMs(local: number): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const dayNumber = Math.floor(local / MS_PER_DAY);
  const ofDay = Math.floor((local - dayNumber * MS_PER_DAY) / 1000);
  return { ...civilFromDays(dayNumber), hour: Math.floor(ofDay / 3600), minute: Math.floor((ofDay % 3600) / 60), second: ofDay % 60 };
}
