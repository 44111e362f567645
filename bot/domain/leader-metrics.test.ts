import { describe, expect, it } from 'vitest';
import { leaderMetrics, nudgeFact, type NudgeFact, type StandingFlag } from './leader-metrics.js';

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
      { requested: 0, done: 0, rate: null, medianDays: null },
      [{ leadId: 'alex', requested: 0, done: 0, rate: null }],
    ],
    [
      'one member flagged and still waiting',
      [{ learnerId: 'bo', since: d(10) }],
      [],
      { requested: 1, done: 0, rate: 0, medianDays: null },
      [
        { leadId: 'alex', requested: 1, done: 0, rate: 0 },
        { leadId: 'sam', requested: 1, done: 0 },
      ],
    ],
    [
      'followed up by one lead two days later: done for the team and that lead only',
      [{ learnerId: 'bo', since: d(10) }],
      [{ leadId: 'alex', learnerId: 'bo', sentAt: d(12), flaggedSince: d(10) }],
      { requested: 1, done: 1, rate: 1, medianDays: 2 },
      [
        { leadId: 'alex', done: 1, rate: 1, medianDays: 2 },
        { leadId: 'sam', done: 0, rate: 0, medianDays: null },
      ],
    ],
    [
      'an episode that ended (the member answered) still counts, known from the nudge that answered it',
      [],
      [{ leadId: 'sam', learnerId: 'cy', sentAt: d(5, 12), flaggedSince: d(5) }],
      { requested: 1, done: 1, medianDays: 0.5 },
      [
        { leadId: 'alex', requested: 1, done: 0 },
        { leadId: 'sam', done: 1, medianDays: 0.5 },
      ],
    ],
    [
      'a nudge that answered no flag is no follow-up',
      [{ learnerId: 'bo', since: d(10) }],
      [{ leadId: 'alex', learnerId: 'bo', sentAt: d(3), flaggedSince: null }],
      { requested: 1, done: 0 },
      [{ leadId: 'alex', done: 0 }],
    ],
    [
      'the first of several nudges times the follow-up; the median spans episodes',
      [{ learnerId: 'bo', since: d(10) }],
      [
        { leadId: 'alex', learnerId: 'bo', sentAt: d(14), flaggedSince: d(10) },
        { leadId: 'alex', learnerId: 'bo', sentAt: d(11), flaggedSince: d(10) },
        { leadId: 'alex', learnerId: 'cy', sentAt: d(20), flaggedSince: d(15) },
        { leadId: 'alex', learnerId: 'di', sentAt: d(22), flaggedSince: d(19) },
      ],
      { requested: 3, done: 3, rate: 1, medianDays: 3 },
      [{ leadId: 'alex', done: 3, medianDays: 3 }],
    ],
    [
      'episodes that began outside the period are left out',
      [{ learnerId: 'bo', since: d(-5) }],
      [
        { leadId: 'alex', learnerId: 'cy', sentAt: d(31), flaggedSince: d(30, 23) },
        { leadId: 'alex', learnerId: 'di', sentAt: d(40), flaggedSince: d(35) },
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

describe('nudgeFact', () => {
  it('reads a stored nudge’s times as epoch ms, keeping a nudge that answered no flag as such', () => {
    const stored = { leadId: 'alex', learnerId: 'bo', sentAt: '2026-11-12T09:00:00.000Z', flaggedSince: '2026-11-10T00:00:00.000Z' };
    expect(nudgeFact(stored)).toEqual({ leadId: 'alex', learnerId: 'bo', sentAt: d(12, 9), flaggedSince: d(10) });
    expect(nudgeFact({ ...stored, flaggedSince: null }).flaggedSince).toBeNull();
  });
});
