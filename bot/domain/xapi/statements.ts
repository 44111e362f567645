import { ERASED_PERSON } from '../my-data.js';
import { NUDGE_ANSWER_LABELS } from '../nudge.js';
import { normalizeLink } from '../resource-link.js';
import { SOURCE_TYPE_LABELS, type SourceType } from '../learning-entry.js';
import type { XapiActivity, XapiAgent, XapiContext, XapiResult, XapiStatement } from './statement-types.js';
import { statementIdOf } from './statement-id.js';
import { XAPI_TEXT_LIMITS, isoDuration, ratingScore, statementText } from './statement-text.js';
import { ACTIVITY_TYPES, PLATFORM, SOURCE_ACTIVITY_TYPES, VERBS } from './vocabulary.js';
import type { XapiRecord } from './xapi-record.js';

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

const names = (text: string | undefined) => (text ? { name: { 'en-US': text } } : {});

function teamActivity(tenantId: string, team: XapiTeam): XapiActivity {
  return { objectType: 'Activity', id: appIri(tenantId, 'team', team.teamId), definition: { type: ACTIVITY_TYPES.team, ...names(statementText(team.name, XAPI_TEXT_LIMITS.name)) } };
}

/** A resource: its normalised link when it has one (every share of it then meets in the LRS), else the app's record of it. */
function resourceActivity(input: { link: string | null; fallback: string; sourceType: SourceType; title: string | undefined }): XapiActivity {
  const canonical = input.link ? normalizeLink(input.link) : null;
  const title = input.title ?? SOURCE_TYPE_LABELS[input.sourceType];
  return {
    objectType: 'Activity',
    id: canonical ?? input.fallback,
    definition: { type: SOURCE_ACTIVITY_TYPES[input.sourceType], ...names(statementText(title, XAPI_TEXT_LIMITS.name)) },
  };
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

/**
 * The xAPI 1.0.3 statement for one record. `teams` are the teams it happened in (for an entry or a
 * goal, the learner's teams). A private entry is sent without the learner's words or link: the
 * organisation learns that, how long and how well they learned, not what they kept to themselves.
 */
export function statementOf(record: XapiRecord, teams: readonly XapiTeam[]): XapiStatement {
  switch (record.kind) {
    case 'entry': {
      const { entry } = record;
      const open = entry.visibility !== 'private';
      return {
        id: statementIdOf('entry', entry.tenantId, entry.userId, entry.id),
        actor: agentOf(entry.tenantId, entry.userId),
        verb: VERBS.experienced,
        object: resourceActivity({
          link: open ? entry.link : null,
          fallback: appIri(entry.tenantId, 'entry', entry.userId, entry.id),
          sourceType: entry.sourceType,
          title: open ? entry.what : undefined,
        }),
        ...withResult({
          ...(entry.minutes !== null ? { duration: isoDuration(entry.minutes) } : {}),
          ...(entry.rating !== null ? { score: ratingScore(entry.rating) } : {}),
          ...(open ? response(entry.insight) : {}),
        }),
        context: contextOf(entry.tenantId, teams),
        timestamp: entry.createdAt,
      };
    }
    case 'shared':
    case 'rated': {
      const { share } = record;
      const object = resourceActivity({ link: share.link, fallback: appIri(share.tenantId, 'share', share.teamId, share.shareId), sourceType: share.sourceType, title: share.what });
      if (record.kind === 'shared') {
        return {
          id: statementIdOf('shared', share.tenantId, share.teamId, share.shareId),
          actor: agentOf(share.tenantId, share.sharerId),
          verb: VERBS.shared,
          object,
          ...withResult({ ...(share.sharerRating !== null ? { score: ratingScore(share.sharerRating) } : {}), ...response(share.insight) }),
          context: contextOf(share.tenantId, teams),
          timestamp: share.createdAt,
        };
      }
      return {
        id: statementIdOf('rated', share.tenantId, share.teamId, share.shareId, record.voterId, String(record.rating), record.at),
        actor: agentOf(share.tenantId, record.voterId),
        verb: VERBS.rated,
        object,
        result: { score: ratingScore(record.rating) },
        context: contextOf(share.tenantId, teams),
        timestamp: record.at,
      };
    }
    case 'goal-completed': {
      const { goal } = record;
      return {
        id: statementIdOf('goal-completed', goal.tenantId, goal.userId, goal.goalId, record.at),
        actor: agentOf(goal.tenantId, goal.userId),
        verb: VERBS.completed,
        object: {
          objectType: 'Activity',
          id: appIri(goal.tenantId, 'goal', goal.userId, goal.goalId),
          definition: { type: ACTIVITY_TYPES.goal, ...names(statementText(goal.what, XAPI_TEXT_LIMITS.name)) },
        },
        result: { completion: true, ...response(record.note) },
        context: contextOf(goal.tenantId, teams),
        timestamp: record.at,
      };
    }
    case 'follow-up-answered': {
      const { nudge } = record;
      return {
        id: statementIdOf('follow-up-answered', nudge.tenantId, nudge.teamId, nudge.nudgeId, record.answer, record.at),
        actor: agentOf(nudge.tenantId, nudge.learnerId),
        verb: VERBS.commented,
        object: { objectType: 'Activity', id: appIri(nudge.tenantId, 'follow-up', nudge.teamId, nudge.nudgeId), definition: { type: ACTIVITY_TYPES.followUp, name: { 'en-US': 'Follow-up from a team lead' } } },
        result: { response: NUDGE_ANSWER_LABELS[record.answer] },
        context: contextOf(nudge.tenantId, teams, nudge.leadId),
        timestamp: record.at,
      };
    }
    case 'coaching-answered': {
      const { note } = record;
      return {
        id: statementIdOf('coaching-answered', note.tenantId, note.learnerId, note.noteId, record.at),
        actor: agentOf(note.tenantId, note.learnerId),
        verb: VERBS.commented,
        object: {
          objectType: 'Activity',
          id: appIri(note.tenantId, 'coaching', note.teamId, note.noteId),
          definition: { type: ACTIVITY_TYPES.followUp, ...names(statementText(`Coaching on: ${note.about}`, XAPI_TEXT_LIMITS.name)) },
        },
        ...withResult(response(record.answer)),
        context: contextOf(note.tenantId, teams, note.leadId),
        timestamp: record.at,
      };
    }
  }
}
