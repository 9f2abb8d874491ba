/** What a wall clock in a time zone shows at an instant. */
export interface LocalMoment {
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  hour: number;
  /** ISO week of the local date, e.g. `2026-W10`: the idempotency key of weekly messages. */
  isoWeek: string;
  /** Local calendar date, `YYYY-MM-DD`. */
  date: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Whether Intl knows the time zone (employees created from tokens may carry anything). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The local date, weekday, hour and ISO week in `timeZone` (UTC when the zone is unknown). */
export function localMoment(at: Date, timeZone: string): LocalMoment {
  const parts = Object.fromEntries(
    formatter(isTimeZone(timeZone) ? timeZone : 'UTC')
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  const year = Number(parts.year);
  const month = Number(parts.month);
  const day = Number(parts.day);
  // The local calendar date as a UTC date, for weekday and ISO-week arithmetic.
  const local = Date.UTC(year, month - 1, day);
  const weekday = ((new Date(local).getUTCDay() + 6) % 7) + 1;
  const thursday = new Date(local + (4 - weekday) * 86_400_000);
  const weekYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / (7 * 86_400_000)) + 1;
  return {
    weekday,
    hour: Number(parts.hour),
    isoWeek: `${weekYear}-W${String(week).padStart(2, '0')}`,
    date: `${parts.year}-${parts.month}-${parts.day}`,
  };
}
