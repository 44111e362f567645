import type { CoachingNote } from '../../contract/coaching-rules.js';
import type { Goal } from '../../contract/goal-rules.js';
import type { ActionAnswer, LearningEntry } from '../../contract/learning-entry.js';
import type { Nudge, NudgeAnswer } from '../../contract/nudge-rules.js';
import type { Share } from '../share.js';

/** Something a person did that the organisation's Learning Record Store hears about. */
export type XapiRecord =
  | { kind: 'entry'; entry: LearningEntry }
  /** The learner said what came of an entry's action, or that they dropped it ("no result yet" is not a statement). */
  | { kind: 'action-answered'; entry: LearningEntry; answer: Exclude<ActionAnswer, 'notYet'>; at: string }
  | { kind: 'shared'; share: Share }
  | { kind: 'rated'; share: Share; voterId: string; rating: number; at: string }
  | { kind: 'goal-completed'; goal: Goal; at: string; note: string | null }
  | { kind: 'follow-up-answered'; nudge: Nudge; answer: NudgeAnswer; at: string }
  | { kind: 'coaching-answered'; note: CoachingNote; answer: string; at: string };

export type XapiRecordKind = XapiRecord['kind'];

/** Who and where a record is about: its tenant, the person it is about, the lead it names, its team. */
export interface RecordParties {
  tenantId: string;
  /** Whose statement it is; erasing them removes it. */
  actorId: string;
  /** The lead it also names (as the instructor), if any. */
  instructorId: string | undefined;
  /**
   * Someone other than the actor whose words it carries: the sharer of a share someone rated (its
   * title and link are theirs). Erasing them takes the statement too, so nothing of theirs leaves.
   */
  authorId?: string;
  /** Its team; entries and goals are the learner's own and belong to all their teams. */
  teamId: string | undefined;
}

export function partiesOf(record: XapiRecord): RecordParties {
  switch (record.kind) {
    case 'entry':
    case 'action-answered':
      return { tenantId: record.entry.tenantId, actorId: record.entry.userId, instructorId: undefined, teamId: undefined };
    case 'shared':
      return { tenantId: record.share.tenantId, actorId: record.share.sharerId, instructorId: undefined, teamId: record.share.teamId };
    case 'rated':
      return {
        tenantId: record.share.tenantId,
        actorId: record.voterId,
        instructorId: undefined,
        teamId: record.share.teamId,
        authorId: record.share.sharerId,
      };
    case 'goal-completed':
      return { tenantId: record.goal.tenantId, actorId: record.goal.userId, instructorId: undefined, teamId: undefined };
    case 'follow-up-answered':
      return {
        tenantId: record.nudge.tenantId,
        actorId: record.nudge.learnerId,
        instructorId: record.nudge.leadId,
        teamId: record.nudge.teamId,
      };
    case 'coaching-answered':
      return {
        tenantId: record.note.tenantId,
        actorId: record.note.learnerId,
        instructorId: record.note.leadId,
        teamId: record.note.teamId,
      };
  }
}
