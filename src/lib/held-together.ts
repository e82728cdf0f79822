/**
 * Which voting rounds were held with a conference: the same host province and a date of the round (its ceremony or
 * its decision) within the same week as the conference (at most 6 days apart). Pure, for both pages and the tests.
 */
const DAY_MS = 86_400_000;
export const SAME_WEEK_DAYS = 6;

export interface HeldEvent {
  host?: string | undefined;
  dates: Array<Date | undefined>;
}

/** True when `a` and `b` share a host and some pair of their dates is at most SAME_WEEK_DAYS apart. */
export function heldTogether(a: HeldEvent, b: HeldEvent): boolean {
  if (!a.host || a.host !== b.host) return false;
  return a.dates.some(
    (x) => x && b.dates.some((y) => y && Math.abs(x.getTime() - y.getTime()) <= SAME_WEEK_DAYS * DAY_MS),
  );
}
