import { describe, expect, it } from 'vitest';
import { followUpDoneAt, leaderMetrics, nudgeFact, type NudgeFact, type StandingFlag } from './leader-metrics.js';

const DAY = 86_400_000;
const from = Date.parse('2026-11-01T00:00:00Z');
const to = Date.parse('2026-12-01T00:00:00Z');
const d = (day: number, hours = 0) => from + (day - 1) * DAY + hours * 3_600_000;

describe('leaderMetrics', () => {
  it.each<[string, StandingFlag[], NudgeFact[], object, object[]]>([
    [
      'nothing flagged: nothing asked, rates unknown',
      [],
      [],
      { requested: 0, done: 0, rate: null, medianDays: null, nudged: 0 },
      [{ leadId: 'alex', requested: 0, done: 0, rate: null, nudged: 0 }],
    ],
    [
      'one member flagged and still waiting',
      [{ learnerId: 'bo', since: d(10) }],
      [],
      { requested: 1, done: 0, rate: 0, medianDays: null, nudged: 0 },
      [
        { leadId: 'alex', requested: 1, done: 0, rate: 0 },
        { leadId: 'sam', requested: 1, done: 0 },
      ],
    ],
    [
      'a nudge alone is not done: it counts as nudged only',
      [{ learnerId: 'bo', since: d(10) }],
      [{ leadId: 'alex', learnerId: 'bo', sentAt: d(12), flaggedSince: d(10) }],
      { requested: 1, done: 0, rate: 0, medianDays: null, nudged: 1 },
      [
        { leadId: 'alex', done: 0, nudged: 1 },
        { leadId: 'sam', done: 0, nudged: 0 },
      ],
    ],
    [
      'answered "I need help" and closed by a lead four days after the flag: done for the team and the lead who nudged',
      [{ learnerId: 'bo', since: d(10) }],
      [{ leadId: 'alex', learnerId: 'bo', sentAt: d(12), flaggedSince: d(10), answer: 'need-help', closedAt: d(14) }],
      { requested: 1, done: 1, rate: 1, medianDays: 4, nudged: 1 },
      [
        { leadId: 'alex', done: 1, rate: 1, medianDays: 4 },
        { leadId: 'sam', done: 0, rate: 0, medianDays: null },
      ],
    ],
    [
      'answered but still open is not done',
      [{ learnerId: 'bo', since: d(10) }],
      [{ leadId: 'alex', learnerId: 'bo', sentAt: d(12), flaggedSince: d(10), answer: 'lets-talk' }],
      { requested: 1, done: 0, nudged: 1 },
      [{ leadId: 'alex', done: 0 }],
    ],
    [
      'a result the learner recorded after the nudge makes it done, answered or not',
      [],
      [
        { leadId: 'sam', learnerId: 'cy', sentAt: d(5, 12), flaggedSince: d(5), resultAt: d(6) },
        { leadId: 'sam', learnerId: 'di', sentAt: d(7), flaggedSince: d(7), answer: 'on-it', resultAt: d(9) },
      ],
      { requested: 2, done: 2, medianDays: 1.5, nudged: 2 },
      [
        { leadId: 'alex', requested: 2, done: 0 },
        { leadId: 'sam', done: 2, medianDays: 1.5 },
      ],
    ],
    [
      '"I’m on it" opens nothing to close: it is done only by a result',
      [{ learnerId: 'bo', since: d(10) }],
      [{ leadId: 'alex', learnerId: 'bo', sentAt: d(12), flaggedSince: d(10), answer: 'on-it' }],
      { requested: 1, done: 0, nudged: 1 },
      [{ leadId: 'alex', done: 0 }],
    ],
    [
      'a nudge that answered no flag is no follow-up, even closed',
      [{ learnerId: 'bo', since: d(10) }],
      [{ leadId: 'alex', learnerId: 'bo', sentAt: d(3), flaggedSince: null, answer: 'need-help', closedAt: d(4) }],
      { requested: 1, done: 0, nudged: 0 },
      [{ leadId: 'alex', done: 0 }],
    ],
    [
      'the earliest done of several nudges times the follow-up; the median spans episodes',
      [{ learnerId: 'bo', since: d(10) }],
      [
        { leadId: 'alex', learnerId: 'bo', sentAt: d(11), flaggedSince: d(10), answer: 'lets-talk', closedAt: d(16) },
        { leadId: 'alex', learnerId: 'bo', sentAt: d(12), flaggedSince: d(10), answer: 'need-help', closedAt: d(13) },
        { leadId: 'alex', learnerId: 'cy', sentAt: d(20), flaggedSince: d(15), resultAt: d(21) },
        { leadId: 'alex', learnerId: 'di', sentAt: d(22), flaggedSince: d(19), answer: 'lets-talk', closedAt: d(23) },
      ],
      { requested: 3, done: 3, rate: 1, medianDays: 4, nudged: 3 },
      [{ leadId: 'alex', done: 3, medianDays: 4 }],
    ],
    [
      'episodes that began outside the period are left out',
      [{ learnerId: 'bo', since: d(-5) }],
      [
        { leadId: 'alex', learnerId: 'cy', sentAt: d(31), flaggedSince: d(30, 23), answer: 'need-help', closedAt: d(32) },
        { leadId: 'alex', learnerId: 'di', sentAt: d(40), flaggedSince: d(35), answer: 'need-help', closedAt: d(41) },
      ],
      { requested: 1, done: 1 },
      [{ leadId: 'alex', requested: 1, done: 1 }],
    ],
  ])('%s', (_name, standing, nudges, team, leads) => {
    const result = leaderMetrics({ leadIds: leads.map((l) => (l as { leadId: string }).leadId), standing, nudges, from, to });
    expect(result.team).toMatchObject(team);
    leads.forEach((lead, i) => expect(result.leads[i]).toMatchObject(lead));
  });
});

describe('followUpDoneAt', () => {
  const sent = { leadId: 'alex', learnerId: 'bo', sentAt: d(12), flaggedSince: d(10) };
  it.each<[string, Partial<NudgeFact>, number | undefined]>([
    ['sent only', {}, undefined],
    ['answered, not closed', { answer: 'need-help' }, undefined],
    ['a closing without an answer does not count', { closedAt: d(13) }, undefined],
    ['answered and closed', { answer: 'lets-talk', closedAt: d(13) }, d(13)],
    ['a result before the nudge does not count', { resultAt: d(11) }, undefined],
    ['a result after it', { resultAt: d(14) }, d(14)],
    ['the earlier of a close and a result', { answer: 'need-help', closedAt: d(15), resultAt: d(14) }, d(14)],
  ])('%s', (_name, fact, expected) => {
    expect(followUpDoneAt({ ...sent, ...fact })).toBe(expected);
  });
});

describe('nudgeFact', () => {
  it('reads a stored nudge’s times as epoch ms, keeping a nudge that answered no flag as such', () => {
    const stored = { leadId: 'alex', learnerId: 'bo', sentAt: '2026-11-12T09:00:00.000Z', flaggedSince: '2026-11-10T00:00:00.000Z' };
    expect(nudgeFact(stored)).toEqual({ leadId: 'alex', learnerId: 'bo', sentAt: d(12, 9), flaggedSince: d(10) });
    expect(nudgeFact({ ...stored, flaggedSince: null }).flaggedSince).toBeNull();
  });

  it('carries the answer, the closing and the result', () => {
    const stored = {
      leadId: 'alex',
      learnerId: 'bo',
      sentAt: '2026-11-12T09:00:00.000Z',
      flaggedSince: '2026-11-10T00:00:00.000Z',
      reply: { answer: 'need-help' as const, at: '2026-11-12T10:00:00.000Z' },
      closedAt: '2026-11-14T00:00:00.000Z',
      resultAt: null,
    };
    expect(nudgeFact(stored)).toEqual({
      leadId: 'alex',
      learnerId: 'bo',
      sentAt: d(12, 9),
      flaggedSince: d(10),
      answer: 'need-help',
      closedAt: d(14),
    });
  });
});
