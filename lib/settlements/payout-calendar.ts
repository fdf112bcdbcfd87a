// The days of the payout calendar (issue 16): weeks start on Monday; the month grid is the whole weeks
// that hold the month's days, the phone's week strip one Monday-to-Sunday week. Calendar arithmetic on
// "YYYY-MM-DD" days (no zone): the page gives "today" in the store's zone (lib/time today). Pure.
import { addDays, monthRange, type LocalDay } from "@/lib/time";

/** A month, "YYYY-MM". */
export type Month = string;

/** The Monday of the week that holds `day`. */
export function weekStart(day: LocalDay): LocalDay {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/** Monday to Sunday of the week that holds `day`. */
export function weekOf(day: LocalDay): { from: LocalDay; to: LocalDay } {
  const from = weekStart(day);
  return { from, to: addDays(from, 6) };
}

/** The seven days of the week that holds `day`, Monday first. */
export function weekDays(day: LocalDay): LocalDay[] {
  const from = weekStart(day);
  return Array.from({ length: 7 }, (_, i) => addDays(from, i));
}

/** The month `n` months after `month` (before, when negative). */
export function shiftMonth(month: Month, n: number): Month {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

/** The whole weeks (Monday first) that hold the days of `month`, and the first and last day shown. */
export function monthGrid(month: Month): { month: Month; from: LocalDay; to: LocalDay; weeks: LocalDay[][] } {
  const { from: first, to: last } = monthRange(`${month}-01`);
  const weeks: LocalDay[][] = [];
  for (let monday = weekStart(first); monday <= last; monday = addDays(monday, 7)) weeks.push(weekDays(monday));
  return { month, from: weeks[0]![0]!, to: weeks.at(-1)![6]!, weeks };
}
