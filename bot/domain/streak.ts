/** One cycle of a learner's check-ins, newest first in the lists below. */
export interface CycleOutcome {
  cycle: string;
  /** When the check-in went out, in epoch milliseconds. */
  dueAt: number;
  responded: boolean;
}

/**
 * Consecutive cycles answered, counting back from the newest. A cycle still open (due, not yet
 * answered, reminder window not over) does not break the streak; it just does not add to it.
 * "Nothing this week" counts as an answer: honesty keeps a streak alive.
 */
export function streakOf(outcomes: CycleOutcome[], now: Date, openForMs: number): number {
  return streakOfNewestFirst(newestFirst(outcomes), now, openForMs);
}

/** Cycle keys ("2026-W48") sort as time does; an answer's own time may come after the next cycle began. */
export function newestFirst<T extends { cycle: string }>(outcomes: T[]): T[] {
  return [...outcomes].sort((a, b) => (a.cycle < b.cycle ? 1 : a.cycle > b.cycle ? -1 : 0));
}

/** As streakOf, for outcomes already sorted newest first. */
export function streakOfNewestFirst(sorted: CycleOutcome[], now: Date, openForMs: number): number {
  let streak = 0;
  for (const [i, outcome] of sorted.entries()) {
    if (outcome.responded) {
      streak++;
      continue;
    }
    const stillOpen = i === 0 && now.getTime() - outcome.dueAt < openForMs;
    if (stillOpen) continue;
    break;
  }
  return streak;
}
