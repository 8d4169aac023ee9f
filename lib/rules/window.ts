import { addDays, type CalendarDate, sameDateYearsLater } from "./dates";

/** The revenue window, first and last day included. */
export interface RevenueWindow {
  start: CalendarDate;
  end: CalendarDate;
}

/**
 * seed: "Nouvelles recettes nettes sur les douze derniers mois". The window ends on `asOf` and
 * starts the day after the same calendar date `years` before (29 February maps to 28 February):
 * asOf 2018-06-30 gives 2017-07-01, asOf 2020-02-29 gives 2019-03-01.
 */
export function windowFor(asOf: CalendarDate, years = 1): RevenueWindow {
  return { start: addDays(sameDateYearsLater(asOf, -years), 1), end: asOf };
}

/**
 * The first `asOf` whose window no longer holds a line booked on `bookedOn`: the same date
 * `years` later, except for a line booked on 29 February: on 28 February of a year without
 * one, the window still starts on 29 February, so the line leaves it on 1 March.
 */
export function firstDayOutsideWindow(bookedOn: CalendarDate, years = 1): CalendarDate {
  const later = sameDateYearsLater(bookedOn, years);
  return later.slice(5) === bookedOn.slice(5) ? later : addDays(later, 1);
}
