/**
 * Durations as written by people and exports: `90m`, `1.5h`, `2d`, `1h30m`,
 * `45s`, `01:30:00`, `1:30` (h:mm). Everything is stored in seconds.
 */

const UNIT_SECONDS: Record<string, number> = {
  s: 1,
  sec: 1,
  second: 1,
  seconds: 1,
  m: 60,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  h: 3600,
  hr: 3600,
  hrs: 3600,
  hour: 3600,
  hours: 3600,
  d: 86_400,
  day: 86_400,
  days: 86_400,
  w: 604_800,
  week: 604_800,
  weeks: 604_800,
};

/** Duration unit names a column or value may use, in seconds. */
export function durationUnitSeconds(unit: string): number | undefined {
  return UNIT_SECONDS[unit.trim().toLowerCase()];
}

const PART = /(\d+(?:\.\d+)?)\s*([a-z]+)/gy;
const CLOCK = /^(\d+):([0-5]\d)(?::([0-5]\d(?:\.\d+)?))?$/;

/**
 * Parses a duration to seconds; undefined when the text is not a duration.
 * A bare number is not a duration here (its unit is unknown).
 */
export function parseDuration(text: string): number | undefined {
  const s = text.trim().toLowerCase();
  const clock = CLOCK.exec(s);
  if (clock) {
    const [h, m, sec] = [Number(clock[1]), Number(clock[2]), Number(clock[3] ?? 0)];
    // hh:mm:ss, or h:mm when there are only two parts
    return h * 3600 + m * 60 + sec;
  }
  let total = 0;
  let consumed = 0;
  const compact = s.replace(/\s/g, ' ');
  PART.lastIndex = 0;
  for (;;) {
    while (compact[PART.lastIndex] === ' ') PART.lastIndex++;
    if (PART.lastIndex >= compact.length) break;
    const m = PART.exec(compact);
    if (!m) return undefined;
    const seconds = UNIT_SECONDS[m[2]!];
    if (seconds === undefined) return undefined;
    total += Number(m[1]) * seconds;
    consumed++;
  }
  return consumed > 0 ? total : undefined;
}

/**
 * Formats seconds for people: `45 s`, `3 m 35 s`, `2 h 30 m`, `26 h`, `3 d 4 h`:
 * two units at most, the smaller one rounded; days only from 48 hours on.
 */
export function formatDuration(seconds: number): string {
  const sign = seconds < 0 ? '-' : '';
  const abs = Math.abs(seconds);
  // Stryker disable next-line EqualityOperator: at exactly 10 s both decimals write 10
  if (abs < 59.5) return `${sign}${Number(abs.toFixed(abs < 10 ? 1 : 0))} s`;
  const minutes = Math.round(abs / 60);
  if (minutes < 60) {
    const whole = Math.round(abs);
    const [m, s] = [Math.floor(whole / 60), whole % 60];
    return `${sign}${m} m${s ? ` ${s} s` : ''}`;
  }
  // Up to two days, hours read better than days: "26 h → 24 h".
  if (minutes < 2880) {
    const [h, m] = [Math.floor(minutes / 60), minutes % 60];
    return `${sign}${h} h${m ? ` ${m} m` : ''}`;
  }
  const hours = Math.round(minutes / 60);
  const [d, h] = [Math.floor(hours / 24), hours % 24];
  return `${sign}${d} d${h ? ` ${h} h` : ''}`;
}
