/**
 * Wall-clock times in IANA time zones and the instants they name, exact
 * across DST changes. Exports write local times without an offset ("the
 * account's time zone"); goals turns them into instants with the source's
 * zone, and instants into calendar days with settings.timezone.
 *
 * Intl is slow for millions of rows, so each zone's UTC offset is cached by
 * quarter hour in a typed array (every time zone of the tz database changes
 * its offset only on a quarter hour of UTC since 1970), filled a day at a time.
 */
import type { IsoDate } from './dates.js';

/** An instant: milliseconds since 1970-01-01T00:00:00Z. */
export type Instant = number;

/** A time as a clock on the wall shows it, in no particular zone. */
export interface LocalDateTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond?: number;
}

const MS_PER_MINUTE = 60_000;
const BUCKET_MS = 15 * MS_PER_MINUTE;
const BUCKETS_PER_DAY = 96;
const UNKNOWN = -32_768;
/** The dense cache of a zone stops growing at about 150 years (10 MB); beyond, a map. */
const MAX_BUCKETS = BUCKETS_PER_DAY * 366 * 150;

interface ZoneCache {
  format: Intl.DateTimeFormat;
  /** Bucket (quarter hour since 1970) of `offsets[0]`, a multiple of a day's buckets. */
  base: number;
  /** Offset in minutes (local − UTC) per quarter hour from `base`; UNKNOWN until computed. */
  offsets: Int16Array;
  /** Quarter hours outside the dense range (sentinel years such as 1900). */
  far: Map<number, number>;
}

const zones = new Map<string, ZoneCache>();
let lastZone = '';
let lastCache: ZoneCache | undefined;

function zoneCache(timeZone: string): ZoneCache {
  if (timeZone === lastZone && lastCache) return lastCache;
  let cache = zones.get(timeZone);
  // Stryker disable next-line ConditionalExpression: a cache: a new one gives the same offsets
  if (!cache) {
    cache = {
      format: new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        era: 'short',
      }),
      base: 0,
      offsets: new Int16Array(0),
      far: new Map(),
    };
    zones.set(timeZone, cache);
  }
  lastZone = timeZone;
  lastCache = cache;
  return cache;
}

/** The zone's UTC offset at an instant, in minutes (Europe/Sofia in summer: 180). */
export function offsetAt(instant: Instant, timeZone: string): number {
  const cache = zoneCache(timeZone);
  const bucket = Math.floor(instant / BUCKET_MS);
  const i = bucket - cache.base;
  // Stryker disable next-line ConditionalExpression: a cache: growing again and filling the day gives the same offset
  if (i >= 0 && i < cache.offsets.length) {
    const offset = cache.offsets[i]!;
    if (offset !== UNKNOWN) return offset;
  } else if (!growToInclude(cache, bucket)) {
    let offset = cache.far.get(bucket);
    // Stryker disable next-line ConditionalExpression: a cache: computing the offset again gives the same
    if (offset === undefined) {
      offset = computeOffset(bucket * BUCKET_MS, cache.format);
      // Stryker disable next-line ConditionalExpression,EqualityOperator: capacity only: a cleared map computes again
      if (cache.far.size > 100_000) cache.far.clear();
      cache.far.set(bucket, offset);
    }
    return offset;
  }
  fillDay(cache, bucket);
  return cache.offsets[bucket - cache.base]!;
}

/** Grows the dense range (at least doubling it) to hold `bucket`; false when it would be too large. */
function growToInclude(cache: ZoneCache, bucket: number): boolean {
  const day = Math.floor(bucket / BUCKETS_PER_DAY) * BUCKETS_PER_DAY;
  const length = cache.offsets.length;
  const year = BUCKETS_PER_DAY * 366;
  let base: number;
  let end: number;
  if (length === 0) {
    base = day - year;
    end = day + year;
  } else if (bucket < cache.base) {
    base = Math.min(day, cache.base - length);
    end = cache.base + length;
  } else {
    base = cache.base;
    end = Math.max(day + BUCKETS_PER_DAY, cache.base + 2 * length);
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator: capacity only: the far map gives the same offsets
  if (end - base > MAX_BUCKETS) return false;
  const offsets = new Int16Array(end - base).fill(UNKNOWN);
  if (length > 0) offsets.set(cache.offsets, cache.base - base);
  cache.base = base;
  cache.offsets = offsets;
  return true;
}

/**
 * Computes the offsets of the UTC day around `bucket` with two Intl calls
 * (its first and last quarter hour) and, when they differ, a binary search for
 * the change. Since 1970 no zone of the tz database has changed its offset
 * twice within a week, let alone a day, and every change falls on a quarter
 * hour of UTC.
 */
function fillDay(cache: ZoneCache, bucket: number): void {
  const first = Math.floor(bucket / BUCKETS_PER_DAY) * BUCKETS_PER_DAY;
  const last = first + BUCKETS_PER_DAY - 1;
  const before = computeOffset(first * BUCKET_MS, cache.format);
  const after = computeOffset(last * BUCKET_MS, cache.format);
  let change = last + 1;
  if (before !== after) {
    let lo = first;
    let hi = last;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (computeOffset(mid * BUCKET_MS, cache.format) === before) lo = mid;
      else hi = mid;
    }
    change = hi;
  }
  const at = first - cache.base;
  cache.offsets.fill(before, at, at + (change - first));
  cache.offsets.fill(after, at + (change - first), at + BUCKETS_PER_DAY);
}

function computeOffset(instant: Instant, format: Intl.DateTimeFormat): number {
  const parts: Record<string, string> = {};
  for (const p of format.formatToParts(new Date(instant))) parts[p.type] = p.value;
  let year = Number(parts.year);
  if (parts.era === 'BC') year = 1 - year;
  const local = Date.UTC(
    year,
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((local - instant) / MS_PER_MINUTE);
}

/**
 * The instant a wall-clock time names in a zone. A time that the clocks skip
 * (02:30 on Berlin's spring-forward night) is read with the offset before the
 * change, which lands it after the gap (03:30 summer time), as java.time and
 * Temporal do; a time that occurs twice (autumn) is the earlier of the two.
 */
export function instantOf(local: LocalDateTime, timeZone: string): Instant {
  const asUtc = Date.UTC(
    local.year,
    local.month - 1,
    local.day,
    local.hour,
    local.minute,
    local.second,
    local.millisecond ?? 0,
  );
  // Try the offsets in force shortly before and after; the earlier reading
  // that maps back to the same wall clock wins.
  const before = offsetAt(asUtc - 86_400_000, timeZone);
  const after = offsetAt(asUtc + 86_400_000, timeZone);
  const candidates =
    // Stryker disable next-line ArrayDeclaration: with no candidate the fallback below reads with that one offset too
    before === after ? [before] : [Math.max(before, after), Math.min(before, after)];
  for (const offset of candidates) {
    const instant = asUtc - offset * MS_PER_MINUTE;
    if (offsetAt(instant, timeZone) === offset) return instant;
  }
  // In a gap: no offset maps back. Use the offset before the change.
  return asUtc - before * MS_PER_MINUTE;
}

/** The wall-clock time of an instant in a zone. */
export function localTimeOf(instant: Instant, timeZone: string): LocalDateTime {
  const d = new Date(instant + offsetAt(instant, timeZone) * MS_PER_MINUTE);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}

/** The calendar day an instant falls on in a zone. */
export function localDateOf(instant: Instant, timeZone: string): IsoDate {
  const d = new Date(instant + offsetAt(instant, timeZone) * MS_PER_MINUTE);
  return d.toISOString().slice(0, 10);
}

/** The instant a calendar day begins in a zone (its first existing minute). */
export function startOfDay(date: IsoDate, timeZone: string): Instant {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return instantOf({ year, month, day, hour: 0, minute: 0, second: 0 }, timeZone);
}
