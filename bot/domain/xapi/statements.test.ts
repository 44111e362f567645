import { describe, expect, it } from 'vitest';
import { xapiProblems } from '../../testing/xapi-validation.js';
import type { CoachingNote } from '../../contract/coaching-rules.js';
import type { Goal } from '../../contract/goal-rules.js';
import { SOURCE_TYPES, type LearningEntry } from '../../contract/learning-entry.js';
import { ERASED_PERSON } from '../my-data.js';
import type { Nudge } from '../../contract/nudge-rules.js';
import { EMPTY_TALLY, type Share } from '../share.js';
import { XAPI_TEXT_LIMITS, isoDuration, ratingScore } from './statement-text.js';
import { statementOf } from './statements.js';
import type { XapiRecord } from './xapi-record.js';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const LEARNER = 'a1b2c3d4-0000-4000-8000-000000000001';
const LEAD = 'a1b2c3d4-0000-4000-8000-000000000002';
const TEAM = { teamId: '19:product-design@thread.tacv2', name: 'Product Design' };

const entry: LearningEntry = {
  id: 'e3a1c0de-1111-4111-8111-000000000001',
  tenantId: TENANT,
  userId: LEARNER,
  what: 'Feature flags in practice',
  sourceType: 'article',
  link: 'https://www.martinfowler.com/articles/feature-toggles.html?utm_source=x',
  minutes: 25,
  rating: 4,
  insight: 'Ship dark, then release',
  action: 'Try it on Monday',
  result: null,
  visibility: 'team',
  createdAt: '2026-03-06T16:10:00.000Z',
};
const share: Share = {
  tenantId: TENANT,
  teamId: TEAM.teamId,
  shareId: entry.id,
  sharerId: LEARNER,
  sharerName: 'Megan Bowen',
  what: entry.what,
  sourceType: 'article',
  link: entry.link,
  resourceKey: 'k',
  insight: entry.insight,
  action: null,
  sharerRating: 4,
  createdAt: '2026-03-06T16:10:01.000Z',
  withdrawnAt: null,
  channelId: 'c',
  activityId: null,
  tally: EMPTY_TALLY,
};
const goal: Goal = {
  goalId: 'g-0001-aaaa',
  tenantId: TENANT,
  userId: LEARNER,
  what: 'Run a usability test',
  why: null,
  targetDate: '2026-06-01',
  resources: [],
  progress: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  closedAt: null,
};
const nudge: Nudge = {
  tenantId: TENANT,
  teamId: TEAM.teamId,
  nudgeId: 'n-0001',
  learnerId: LEARNER,
  learnerName: 'Megan Bowen',
  leadId: LEAD,
  leadName: 'Alex Wilber',
  note: 'How is it going?',
  reason: null,
  flaggedSince: null,
  sentAt: '2026-03-01T09:00:00.000Z',
  delivered: true,
  reply: null,
};
const note: CoachingNote = {
  tenantId: TENANT,
  teamId: TEAM.teamId,
  shareId: share.shareId,
  about: share.what,
  learnerId: LEARNER,
  noteId: 'c-0001',
  leadId: LEAD,
  leadName: 'Alex Wilber',
  note: 'Show it at the retro?',
  at: '2026-03-07T09:00:00.000Z',
  answer: null,
};

const AT = '2026-03-08T10:00:00.000Z';
const RECORDS: Record<XapiRecord['kind'], XapiRecord> = {
  entry: { kind: 'entry', entry },
  'action-answered': {
    kind: 'action-answered',
    entry: { ...entry, result: 'Ran it on two services', actionAnswer: { answer: 'result', at: AT } },
    answer: 'result',
    at: AT,
  },
  shared: { kind: 'shared', share },
  rated: { kind: 'rated', share, voterId: LEAD, rating: 5, at: AT },
  'goal-completed': { kind: 'goal-completed', goal, at: AT, note: 'Ran it with three people' },
  'follow-up-answered': { kind: 'follow-up-answered', nudge, answer: 'need-help', at: AT },
  'coaching-answered': { kind: 'coaching-answered', note, answer: 'Yes, on Friday', at: AT },
};

describe('xAPI statements', () => {
  it.each(Object.entries(RECORDS))('a %s statement follows the xAPI specification', (_kind, record) => {
    const statement = statementOf(record, [TEAM]);
    expect(xapiProblems(statement)).toEqual([]);
    expect(statement.actor).toEqual({
      objectType: 'Agent',
      account: { homePage: `https://login.microsoftonline.com/${TENANT}`, name: record.kind === 'rated' ? LEAD : LEARNER },
    });
    expect(statement.context.platform).toBe('Learning Loop (Microsoft Teams)');
    expect(statement.context.contextActivities?.grouping?.[0]?.definition?.name).toEqual({ 'en-US': 'Product Design' });
    // Nobody's name or e-mail travels: people are directory accounts.
    expect(JSON.stringify(statement)).not.toMatch(/Megan|Alex|mbox/);
  });

  it('uses the ADL verbs, and the Tin Can registry’s for rating', () => {
    const verbs = Object.fromEntries(Object.values(RECORDS).map((r) => [r.kind, statementOf(r, []).verb.id]));
    expect(verbs).toEqual({
      entry: 'http://adlnet.gov/expapi/verbs/experienced',
      'action-answered': 'http://adlnet.gov/expapi/verbs/completed',
      shared: 'http://adlnet.gov/expapi/verbs/shared',
      rated: 'http://id.tincanapi.com/verb/rated',
      'goal-completed': 'http://adlnet.gov/expapi/verbs/completed',
      'follow-up-answered': 'http://adlnet.gov/expapi/verbs/commented',
      'coaching-answered': 'http://adlnet.gov/expapi/verbs/commented',
    });
  });

  it('says what came of an entry’s action about the entry itself: completed with the result, or abandoned when dropped', () => {
    const done = statementOf(RECORDS['action-answered'], [TEAM]);
    expect(done.object.id).toBe(`urn:learning-loop:${TENANT}:entry:${LEARNER}:${entry.id}:action`);
    expect(done.context.contextActivities?.parent?.[0]?.id).toBe('https://martinfowler.com/articles/feature-toggles.html');
    expect(done.result).toEqual({ completion: true, response: 'Ran it on two services' });
    expect(done.timestamp).toBe(AT);
    const dropped = statementOf({ kind: 'action-answered', entry, answer: 'dropped', at: AT }, []);
    expect(dropped.verb.id).toBe('https://w3id.org/xapi/adl/verbs/abandoned');
    expect(dropped.result).toEqual({ completion: false });
    expect(xapiProblems(dropped)).toEqual([]);
    expect(dropped.id).not.toBe(done.id);
  });

  it('keeps the action and its result to the learner when the entry was not shared with the team', () => {
    const kept = { ...entry, visibility: 'leads' as const, result: 'Secret', actionAnswer: { answer: 'result' as const, at: AT } };
    const s = statementOf({ kind: 'action-answered', entry: kept, answer: 'result', at: AT }, []);
    expect(JSON.stringify(s)).not.toMatch(/Secret|Try it on Monday|martinfowler/);
    expect(s.result).toEqual({ completion: true });
  });

  it('describes an entry: the resource by its normalised link and kind, the time as a duration, the rating as a score, the insight as the response', () => {
    const s = statementOf(RECORDS.entry, [TEAM]);
    expect(s.object).toEqual({
      objectType: 'Activity',
      id: 'https://martinfowler.com/articles/feature-toggles.html',
      definition: { type: 'http://activitystrea.ms/schema/1.0/article', name: { 'en-US': 'Feature flags in practice' } },
    });
    expect(s.result).toEqual({ duration: 'PT25M', score: { scaled: 0.75, raw: 4, min: 1, max: 5 }, response: 'Ship dark, then release' });
    expect(s.timestamp).toBe(entry.createdAt);
  });

  it('gives every kind of source an activity type, and each statement valid', () => {
    for (const sourceType of SOURCE_TYPES) {
      const s = statementOf({ kind: 'entry', entry: { ...entry, sourceType, link: null, minutes: 90, rating: 1 } }, []);
      expect(xapiProblems(s), sourceType).toEqual([]);
      expect(s.object.definition?.type).toMatch(/^https?:\/\//);
      expect(s.result?.duration).toBe('PT1H30M');
      expect(s.result?.score?.scaled).toBe(0);
    }
  });

  it.each(['private', 'leads'] as const)('sends an entry visible to %s without the learner’s words or link', (visibility) => {
    const s = statementOf({ kind: 'entry', entry: { ...entry, visibility } }, [TEAM]);
    expect(JSON.stringify(s)).not.toMatch(/Feature flags|Ship dark|martinfowler/);
    expect(s.object.id).toMatch(/^urn:learning-loop:/);
    expect(s.object.definition?.name).toEqual({ 'en-US': 'Article' });
    expect(s.result).toEqual({ duration: 'PT25M', score: { scaled: 0.75, raw: 4, min: 1, max: 5 } });
  });

  it('derives the statement id from the record: the same record twice is one statement, another record another', () => {
    const again = statementOf({ kind: 'entry', entry: { ...entry } }, []);
    expect(again.id).toBe(statementOf(RECORDS.entry, [TEAM]).id);
    expect(again.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const ids = new Set([
      ...Object.values(RECORDS).map((r) => statementOf(r, []).id),
      statementOf({ kind: 'entry', entry: { ...entry, id: 'another-entry-id' } }, []).id,
      statementOf({ kind: 'rated', share, voterId: LEAD, rating: 3, at: AT }, []).id,
    ]);
    expect(ids.size).toBe(Object.keys(RECORDS).length + 2);
  });

  it('names the lead of a follow-up as the instructor, unless they erased their data', () => {
    expect(statementOf(RECORDS['follow-up-answered'], [TEAM]).context.instructor?.account.name).toBe(LEAD);
    expect(statementOf(RECORDS['follow-up-answered'], [TEAM]).result).toEqual({ response: 'I need help' });
    const erased = statementOf({ kind: 'follow-up-answered', nudge: { ...nudge, leadId: ERASED_PERSON.id }, answer: 'on-it', at: AT }, [
      TEAM,
    ]);
    expect(erased.context.instructor).toBeUndefined();
    expect(xapiProblems(erased)).toEqual([]);
  });

  it('keeps hostile text valid: control characters and broken surrogates go, long text is cut with an ellipsis', () => {
    const huge = `${'Ünïcödé 🎓 '.repeat(20_000)}`;
    const hostile: LearningEntry = { ...entry, what: `Bell\u0007 and\u0000 null\u009b\ud800`, insight: huge, link: null };
    const s = statementOf({ kind: 'entry', entry: hostile }, [{ teamId: 'x\u0001/#?', name: huge }]);
    expect(xapiProblems(s)).toEqual([]);
    expect(s.object.definition?.name).toEqual({ 'en-US': 'Bell and null' });
    expect(s.result?.response?.length).toBeLessThanOrEqual(XAPI_TEXT_LIMITS.response);
    expect(s.result?.response?.length).toBeGreaterThan(XAPI_TEXT_LIMITS.response - 5);
    expect(s.result?.response?.endsWith('…')).toBe(true);
    expect(JSON.stringify(s).length).toBeLessThan(4000);
    // Every code unit pairs up: the cut never lands inside an emoji.
    expect(s.result?.response).toBe(s.result?.response?.normalize());
    expect(() => encodeURIComponent(s.result!.response!)).not.toThrow();
  });

  it('keeps a share without a link, a goal without a note and a blank answer valid', () => {
    for (const record of [
      { kind: 'shared', share: { ...share, link: null, insight: null, sharerRating: null } },
      { kind: 'goal-completed', goal, at: AT, note: null },
      { kind: 'coaching-answered', note, answer: ' \u0000 ', at: AT },
    ] satisfies XapiRecord[]) {
      expect(xapiProblems(statementOf(record, [])), record.kind).toEqual([]);
    }
  });

  it('writes durations and scores as documented', () => {
    expect([0, 1, 25, 60, 61, 1440].map(isoDuration)).toEqual(['PT0M', 'PT1M', 'PT25M', 'PT1H', 'PT1H1M', 'PT24H']);
    expect([1, 2, 3, 4, 5].map((r) => ratingScore(r).scaled)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
});
