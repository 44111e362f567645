import type { CoachingNote } from '../coaching.js';
import type { Goal } from '../goal.js';
import type { LearningEntry } from '../learning-entry.js';
import type { Nudge, NudgeAnswer } from '../nudge.js';
import type { Share } from '../share.js';

/** Something a person did that the organisation's Learning Record Store hears about. */
export type XapiRecord =
  | { kind: 'entry'; entry: LearningEntry }
  | { kind: 'shared'; share: Share }
  | { kind: 'rated'; share: Share; voterId: string; rating: number; at: string }
  | { kind: 'goal-completed'; goal: Goal; at: string; note: string | null }
  | { kind: 'follow-up-answered'; nudge: Nudge; answer: NudgeAnswer; at: string }
  | { kind: 'coaching-answered'; note: CoachingNote; answer: string; at: string };

export type XapiRecordKind = XapiRecord['kind'];

export function tenantIdOf(record: XapiRecord): string {
  switch (record.kind) {
    case 'entry':
      return record.entry.tenantId;
    case 'shared':
    case 'rated':
      return record.share.tenantId;
    case 'goal-completed':
      return record.goal.tenantId;
    case 'follow-up-answered':
      return record.nudge.tenantId;
    case 'coaching-answered':
      return record.note.tenantId;
  }
}

/** Whose statement it is: the person it is about, for erasure. */
export function actorIdOf(record: XapiRecord): string {
  switch (record.kind) {
    case 'entry':
      return record.entry.userId;
    case 'shared':
      return record.share.sharerId;
    case 'rated':
      return record.voterId;
    case 'goal-completed':
      return record.goal.userId;
    case 'follow-up-answered':
      return record.nudge.learnerId;
    case 'coaching-answered':
      return record.note.learnerId;
  }
}

/** The lead a statement also names (as the instructor), if any. */
export function instructorIdOf(record: XapiRecord): string | undefined {
  if (record.kind === 'follow-up-answered') return record.nudge.leadId;
  if (record.kind === 'coaching-answered') return record.note.leadId;
  return undefined;
}

/** The team a record belongs to; entries and goals are the learner's own and belong to all their teams. */
export function teamIdOf(record: XapiRecord): string | undefined {
  switch (record.kind) {
    case 'shared':
    case 'rated':
      return record.share.teamId;
    case 'follow-up-answered':
      return record.nudge.teamId;
    case 'coaching-answered':
      return record.note.teamId;
    default:
      return undefined;
  }
}
