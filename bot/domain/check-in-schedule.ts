import { DateTime, IANAZone } from 'luxon';
import type { CheckInSchedule } from '../contract/check-in-schedule.js';

/** A cycle is named by the ISO week it starts in, e.g. "2026-W48"; the same name in every zone. */
export type CycleKey = string;

export function effectiveZone(schedule: CheckInSchedule, learnerZone: string | undefined): string {
  return learnerZone && IANAZone.isValidZone(learnerZone) ? learnerZone : schedule.timeZone;
}

function cycleStartWeek(schedule: CheckInSchedule, week: DateTime): DateTime {
  const monday = week.startOf('week');
  if (schedule.cadence === 'weekly') return monday;
  const anchor = DateTime.fromISO(schedule.anchorMonday, { zone: monday.zone }).startOf('week');
  const weeks = Math.round(monday.diff(anchor, 'weeks').weeks);
  return ((weeks % 2) + 2) % 2 === 0 ? monday : monday.minus({ weeks: 1 });
}

function keyOf(monday: DateTime): CycleKey {
  return `${monday.weekYear}-W${String(monday.weekNumber).padStart(2, '0')}`;
}

function mondayOf(key: CycleKey, zone: string): DateTime {
  const m = /^(\d{4})-W(\d{2})$/.exec(key);
  if (!m) throw new Error(`Not a cycle key: ${key}`);
  return DateTime.fromObject({ weekYear: Number(m[1]), weekNumber: Number(m[2]), weekday: 1 }, { zone });
}

/**
 * When a cycle's check-in is due for a learner, as a UTC instant. On a spring-forward day a
 * time that does not exist moves forward by the gap; on a fall-back day a time that occurs twice
 * means one of its two occurrences (the standard-time one). Either way each cycle has exactly one due instant.
 */
export function dueAt(schedule: CheckInSchedule, zone: string, cycle: CycleKey): Date {
  const [hour, minute] = schedule.localTime.split(':').map(Number) as [number, number];
  const day = mondayOf(cycle, zone).plus({ days: schedule.weekday - 1 });
  const local = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone });
  // Luxon resolves a time that occurs twice by the zone's offset today, so without this the
  // planner's answer would depend on when it runs; the later occurrence is the standard-time one.
  const occurrences = local.getPossibleOffsets();
  return occurrences.reduce((later, o) => (o.toMillis() > later.toMillis() ? o : later)).toJSDate();
}

/** The cycle an instant falls in, as the learner's calendar sees it. */
export function cycleAt(schedule: CheckInSchedule, zone: string, instant: Date): CycleKey {
  return keyOf(cycleStartWeek(schedule, DateTime.fromJSDate(instant, { zone })));
}

export function nextCycle(schedule: CheckInSchedule, cycle: CycleKey): CycleKey {
  return keyOf(mondayOf(cycle, 'utc').plus({ weeks: schedule.cadence === 'weekly' ? 1 : 2 }));
}

/**
 * The first check-in strictly after `after` for a learner in `zone`. The scheduler files each
 * learner's next one and, once it is handed over, asks again from its due time: so every cycle
 * is planned exactly once, whatever the clocks do in between.
 */
export function nextDue(schedule: CheckInSchedule, zone: string, after: Date): { cycle: CycleKey; dueAt: Date } {
  let cycle = cycleAt(schedule, zone, after);
  for (let guard = 0; guard < 4; guard++) {
    const at = dueAt(schedule, zone, cycle);
    if (at.getTime() > after.getTime()) return { cycle, dueAt: at };
    cycle = nextCycle(schedule, cycle);
  }
  throw new Error(`No check-in after ${after.toISOString()} within four cycles`);
}
