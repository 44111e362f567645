import { ERASED_PERSON } from '../my-data.js';
import { NUDGE_ANSWER_LABELS } from '../../contract/nudge-rules.js';
import { normalizeLink } from '../resource-link.js';
import { SOURCE_TYPE_LABELS, type LearningEntry, type SourceType } from '../../contract/learning-entry.js';
import type { XapiActivity, XapiAgent, XapiContext, XapiResult, XapiStatement } from './statement-types.js';
import { statementIdOf } from './statement-id.js';
import { XAPI_TEXT_LIMITS, isoDuration, ratingScore, statementText } from './statement-text.js';
import { ACTIVITY_TYPES, PLATFORM, SOURCE_ACTIVITY_TYPES, VERBS } from './vocabulary.js';
import { partiesOf, type XapiRecord } from './xapi-record.js';

/** The teams a statement is about, by id and name, for its context. */
export interface XapiTeam {
  teamId: string;
  name: string;
}

/**
 * People are accounts in their organisation's Entra ID directory: the directory's address is the
 * account's home page and the object id its name, the id every Microsoft 365 system knows them by.
 */
export function agentOf(tenantId: string, userId: string): XapiAgent {
  return { objectType: 'Agent', account: { homePage: `https://login.microsoftonline.com/${encodeURIComponent(tenantId)}`, name: userId } };
}

/**
 * Things that live only in this app (an entry without a link, a goal, a follow-up, a team) are
 * named by URNs under `urn:learning-loop:`: stable whatever address the service runs at, and
 * never mistaken for a page on someone else's site.
 */
export function appIri(tenantId: string, kind: string, ...ids: readonly string[]): string {
  return ['urn:learning-loop', encodeURIComponent(tenantId), kind, ...ids.map((id) => encodeURIComponent(id))].join(':');
}

/** A thing that lives only in this app, of an activity type, named (cleaned and cut) when it has a name. */
function appActivity(iri: string, type: string, name: string | undefined): XapiActivity {
  const cut = statementText(name, XAPI_TEXT_LIMITS.name);
  return { objectType: 'Activity', id: iri, definition: { type, ...(cut ? { name: { 'en-US': cut } } : {}) } };
}

function teamActivity(tenantId: string, team: XapiTeam): XapiActivity {
  return appActivity(appIri(tenantId, 'team', team.teamId), ACTIVITY_TYPES.team, team.name);
}

/** A resource: its normalised link when it has one (every share of it then meets in the LRS), else the app's record of it. */
function resourceActivity(input: {
  link: string | null;
  fallback: string;
  sourceType: SourceType;
  title: string | undefined;
}): XapiActivity {
  const canonical = input.link ? normalizeLink(input.link) : null;
  return appActivity(
    canonical ?? input.fallback,
    SOURCE_ACTIVITY_TYPES[input.sourceType],
    input.title ?? SOURCE_TYPE_LABELS[input.sourceType],
  );
}

function contextOf(tenantId: string, teams: readonly XapiTeam[], instructorId?: string): XapiContext {
  return {
    platform: PLATFORM,
    // A lead who erased their data is no longer named, here as anywhere.
    ...(instructorId && instructorId !== ERASED_PERSON.id ? { instructor: agentOf(tenantId, instructorId) } : {}),
    ...(teams.length > 0 ? { contextActivities: { grouping: teams.map((t) => teamActivity(tenantId, t)) } } : {}),
  };
}

function withResult(result: XapiResult): { result?: XapiResult } {
  return Object.keys(result).length > 0 ? { result } : {};
}

const response = (text: string | null | undefined) => {
  const cut = statementText(text, XAPI_TEXT_LIMITS.response);
  return cut ? { response: cut } : {};
};

/** What a record says happened, apart from who and where. */
interface Happening {
  /** Identifies the record within its tenant and kind: the statement id is derived from it. */
  key: readonly string[];
  verb: XapiStatement['verb'];
  object: XapiActivity;
  result: XapiResult;
  timestamp: string;
  /** What the object is part of (an action's entry), for the context. */
  parent?: XapiActivity;
}

/** An entry as the LRS knows it: with its link and title only when the learner shared it with the team. */
function entryActivity(entry: LearningEntry): XapiActivity {
  const open = entry.visibility === 'team';
  return resourceActivity({
    link: open ? entry.link : null,
    fallback: appIri(entry.tenantId, 'entry', entry.userId, entry.id),
    sourceType: entry.sourceType,
    title: open ? entry.what : undefined,
  });
}

/**
 * The xAPI 1.0.3 statement for one record. `teams` are the teams it happened in (for an entry or a
 * goal, the learner's teams).
 */
export function statementOf(
  record: XapiRecord,
  teams: readonly XapiTeam[],
): XapiStatement & { object: XapiActivity; context: XapiContext } {
  const { tenantId, actorId, instructorId } = partiesOf(record);
  const { key, verb, object, result, timestamp, parent } = happeningOf(record);
  const context = contextOf(tenantId, teams, instructorId);
  return {
    id: statementIdOf(record.kind, tenantId, ...key),
    actor: agentOf(tenantId, actorId),
    verb,
    object,
    ...withResult(result),
    context: parent ? { ...context, contextActivities: { ...context.contextActivities, parent: [parent] } } : context,
    timestamp,
  };
}

/**
 * Takes back a statement the LRS already has (the learner deleted what it described): the
 * specification's voiding statement, by the same actor, pointing at the original by its id.
 */
export function voidingStatementOf(original: Pick<XapiStatement, 'id' | 'actor'>, at: string): XapiStatement {
  return {
    id: statementIdOf('voided', original.id),
    actor: original.actor,
    verb: VERBS.voided,
    object: { objectType: 'StatementRef', id: original.id },
    timestamp: at,
  };
}

/**
 * Only an entry shared with the team is sent with the learner's words and link. Any other (only
 * me, or my leads) goes without them: the organisation's LRS learns that, how long and how well
 * they learned, not what they showed only to themselves or their leads.
 */
function happeningOf(record: XapiRecord): Happening {
  switch (record.kind) {
    case 'entry': {
      const { entry } = record;
      const open = entry.visibility === 'team';
      return {
        key: [entry.userId, entry.id],
        verb: VERBS.experienced,
        object: entryActivity(entry),
        result: {
          ...(entry.minutes !== null ? { duration: isoDuration(entry.minutes) } : {}),
          ...(entry.rating !== null ? { score: ratingScore(entry.rating) } : {}),
          ...(open ? response(entry.insight) : {}),
        },
        timestamp: entry.createdAt,
      };
    }
    case 'action-answered': {
      // The action is the entry's: its words travel only when the learner shared the entry with the team.
      const { entry } = record;
      const open = entry.visibility === 'team';
      const object = appActivity(
        appIri(entry.tenantId, 'entry', entry.userId, entry.id, 'action'),
        ACTIVITY_TYPES.action,
        open ? (entry.action ?? undefined) : 'Action planned in a learning entry',
      );
      const result: XapiResult =
        record.answer === 'result' ? { completion: true, ...(open ? response(entry.result) : {}) } : { completion: false };
      return {
        key: [entry.userId, entry.id, record.answer, record.at],
        verb: record.answer === 'result' ? VERBS.completed : VERBS.abandoned,
        object,
        result,
        timestamp: record.at,
        parent: entryActivity(entry),
      };
    }
    case 'shared':
    case 'rated': {
      const { share } = record;
      const object = resourceActivity({
        link: share.link,
        fallback: appIri(share.tenantId, 'share', share.teamId, share.shareId),
        sourceType: share.sourceType,
        title: share.what,
      });
      if (record.kind === 'shared') {
        const result = { ...(share.sharerRating !== null ? { score: ratingScore(share.sharerRating) } : {}), ...response(share.insight) };
        return { key: [share.teamId, share.shareId], verb: VERBS.shared, object, result, timestamp: share.createdAt };
      }
      const key = [share.teamId, share.shareId, record.voterId, String(record.rating), record.at];
      return { key, verb: VERBS.rated, object, result: { score: ratingScore(record.rating) }, timestamp: record.at };
    }
    case 'goal-completed': {
      const { goal } = record;
      const object = appActivity(appIri(goal.tenantId, 'goal', goal.userId, goal.goalId), ACTIVITY_TYPES.goal, goal.what);
      return {
        key: [goal.userId, goal.goalId, record.at],
        verb: VERBS.completed,
        object,
        result: { completion: true, ...response(record.note) },
        timestamp: record.at,
      };
    }
    case 'follow-up-answered': {
      const { nudge } = record;
      const object = appActivity(
        appIri(nudge.tenantId, 'follow-up', nudge.teamId, nudge.nudgeId),
        ACTIVITY_TYPES.followUp,
        'Follow-up from a team lead',
      );
      const result = { response: NUDGE_ANSWER_LABELS[record.answer] };
      return { key: [nudge.teamId, nudge.nudgeId, record.answer, record.at], verb: VERBS.commented, object, result, timestamp: record.at };
    }
    case 'coaching-answered': {
      const { note } = record;
      const object = appActivity(
        appIri(note.tenantId, 'coaching', note.teamId, note.noteId),
        ACTIVITY_TYPES.followUp,
        `Coaching on: ${note.about}`,
      );
      return {
        key: [note.learnerId, note.noteId, record.at],
        verb: VERBS.commented,
        object,
        result: response(record.answer),
        timestamp: record.at,
      };
    }
  }
}
