/** One cycle of a learner's check-ins, newest first in the lists below. */
export interface CycleOutcome {
  cycle: string;
  dueAt: Date;
  responded: boolean;
}

/**
 * Consecutive cycles answered, counting back from the newest. A cycle still open (due, not yet
 * answered, reminder window not over) does not break the streak; it just does not add to it.
 * "Nothing this week" counts as an answer: honesty keeps a streak alive.
 */
export function streakOf(outcomes: CycleOutcome[], now: Date, openForMs: number): number {
  // Cycle keys ("2026-W48") sort as time does; an answer's own time may come after the next cycle began.
  const sorted = [...outcomes].sort((a, b) => (a.cycle < b.cycle ? 1 : a.cycle > b.cycle ? -1 : 0));
  let streak = 0;
  for (const [i, outcome] of sorted.entries()) {
    if (outcome.responded) {
      streak++;
      continue;
    }
    const stillOpen = i === 0 && now.getTime() - outcome.dueAt.getTime() < openForMs;
    if (stillOpen) continue;
    break;
  }
  return streak;
}
