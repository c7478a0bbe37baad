/**
 * Instants and the London wall clock (Europe/London: GMT in winter, BST in summer). Deadlines
 * set "by the same time the next working day" are wall-clock times in England, so they are
 * converted here with Intl, never with the machine's own time zone.
 */

/** A moment as the clock in England shows it. */
export interface LondonDateTime {
  /** The calendar date in England, YYYY-MM-DD. */
  date: string;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

// One formatter for the process: building one per call is slow (see dates.ts).
const LONDON_CLOCK = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

// An instant must say which zone it is in: without one, Date would read it in the machine's zone.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

/** Milliseconds since the epoch of an ISO 8601 instant with a zone (Z or ±hh:mm). */
export function parseInstant(instant: string): number {
  const ms = ISO_INSTANT.test(instant) ? Date.parse(instant) : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`Expected an ISO 8601 instant with a time zone (…Z or …+01:00), got "${instant}"`);
  return ms;
}

function clockAt(ms: number): LondonDateTime {
  const parts: Record<string, string> = {};
  for (const part of LONDON_CLOCK.formatToParts(new Date(ms))) parts[part.type] = part.value;
  return {
    date: `${parts.year ?? ""}-${parts.month ?? ""}-${parts.day ?? ""}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: ((ms % 1000) + 1000) % 1000,
  };
}

/** The wall clock as UTC milliseconds, i.e. the instant it would be if London were on UTC. */
function wallAsUtc(local: LondonDateTime): number {
  const [y, m, d] = local.date.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d, local.hour, local.minute, local.second, local.millisecond);
}

/** London's offset from UTC at an instant, in milliseconds (0 in GMT, 3,600,000 in BST). */
function offsetAt(ms: number): number {
  return wallAsUtc(clockAt(ms)) - ms;
}

/** The date and time England's clocks showed at an ISO instant. */
export function toLondonDateTime(instant: string): LondonDateTime {
  return clockAt(parseInstant(instant));
}

/**
 * The instant (ISO, UTC "…Z") at which England's clocks show the given date and time. A time
 * skipped when the clocks go forward (01:00–01:59 on the last Sunday of March) is read as GMT.
 */
export function fromLondonDateTime(local: LondonDateTime): string {
  const wall = wallAsUtc(local);
  // First guess with the offset at the wall time read as UTC, then correct with the offset at
  // the guess: right on both sides of a clock change because the offsets differ by an hour.
  const guess = wall - offsetAt(wall);
  return new Date(wall - offsetAt(guess)).toISOString();
}
