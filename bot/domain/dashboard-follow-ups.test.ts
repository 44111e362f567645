import { describe, expect, it } from 'vitest';
import type { RosterEntry } from './dashboard.js';
import { followUpsFor, nudgesNeededSince, teamFollowUps } from './dashboard-follow-ups.js';
import { DASHBOARD_PERIODS, type DashboardPeriod } from '../contract/dashboard-view.js';
import type { FollowUpFigures } from '../contract/report.js';
import type { NudgeFact } from './leader-metrics.js';
import { periodWeeks, weekSpan, type MemberRollup } from './member-rollup.js';

const now = new Date('2026-11-28T12:00:00Z'); // Saturday of 2026-W48
const at = (iso: string) => Date.parse(iso);
const joined = '2026-01-01T00:00:00.000Z';
const roster: RosterEntry[] = [
  { userId: 'alex', displayName: 'Alex', role: 'lead', joinedAt: joined },
  { userId: 'sam', displayName: 'Sam', role: 'lead', joinedAt: joined },
  { userId: 'bo', displayName: 'Bo', role: 'member', joinedAt: joined },
  { userId: 'cy', displayName: 'Cy', role: 'member', joinedAt: joined },
];
const learnedLately = {
  '2026-W48': {
    entries: 1,
    minutes: 10,
    ratingSum: 0,
    ratingCount: 0,
    lastAt: at('2026-11-27T09:00:00Z'),
    sources: {},
    insights: 0,
    actions: 0,
  },
};
const active = (userId: string): MemberRollup => ({ userId, paused: false, goals: [], weeks: learnedLately, cycles: {} });
const everyoneActive = roster.map((m) => active(m.userId));
// Bo left the last two check-ins unanswered: flagged since the second closed, 27 November 16:00.
const boSilent: MemberRollup = {
  ...active('bo'),
  cycles: {
    '2026-W46': { answer: 'noAnswer', at: at('2026-11-13T16:00:00Z') },
    '2026-W47': { answer: 'noAnswer', at: at('2026-11-20T16:00:00Z') },
  },
};
const boFlagged = [...everyoneActive.filter((r) => r.userId !== 'bo'), boSilent];
// A nudge whose follow-up the lead closed as soon as the learner answered "Let's talk": done when sent.
const nudge = (leadId: string, learnerId: string, sentAt: string, flaggedSince: string | null): NudgeFact => ({
  leadId,
  learnerId,
  sentAt: at(sentAt),
  flaggedSince: flaggedSince ? at(flaggedSince) : null,
  answer: 'lets-talk',
  closedAt: at(sentAt),
});
// Alex followed Bo up 18 hours after the flag; Sam followed up Cy, flagged earlier in the month, in half a day.
const alexToBo = nudge('alex', 'bo', '2026-11-28T10:00:00Z', '2026-11-27T16:00:00Z');
const samToCy = nudge('sam', 'cy', '2026-11-10T12:00:00Z', '2026-11-10T00:00:00Z');
const figures = (requested: number, done: number, rate: number | null, medianDays: number | null, nudged = done): FollowUpFigures => ({
  requested,
  done,
  rate,
  medianDays,
  nudged,
});

describe('teamFollowUps and followUpsFor: a lead’s figures on the dashboard', () => {
  it.each<{
    name: string;
    rollups: MemberRollup[];
    nudges: NudgeFact[];
    weeks?: DashboardPeriod;
    zone?: string;
    team: FollowUpFigures;
    alex: FollowUpFigures;
    sam: FollowUpFigures;
  }>([
    {
      name: 'nobody flagged, nobody nudged: nothing asked',
      rollups: everyoneActive,
      nudges: [],
      team: figures(0, 0, null, null),
      alex: figures(0, 0, null, null),
      sam: figures(0, 0, null, null),
    },
    {
      name: 'a member flagged and not yet followed up: asked of every lead',
      rollups: boFlagged,
      nudges: [],
      team: figures(1, 0, 0, null),
      alex: figures(1, 0, 0, null),
      sam: figures(1, 0, 0, null),
    },
    {
      name: 'one lead followed up: done for the team and that lead, not the other',
      rollups: boFlagged,
      nudges: [alexToBo],
      team: figures(1, 1, 1, 0.8),
      alex: figures(1, 1, 1, 0.8),
      sam: figures(1, 0, 0, null),
    },
    {
      name: 'a nudge still open is nudged, not done',
      rollups: boFlagged,
      nudges: [{ ...alexToBo, answer: 'need-help', closedAt: undefined }],
      team: figures(1, 0, 0, null, 1),
      alex: figures(1, 0, 0, null, 1),
      sam: figures(1, 0, 0, null),
    },
    {
      name: 'a flag that has since ended still counts, known from the nudge that answered it',
      rollups: boFlagged,
      nudges: [alexToBo, samToCy],
      team: figures(2, 2, 1, 0.6),
      alex: figures(2, 1, 0.5, 0.8),
      sam: figures(2, 1, 0.5, 0.5),
    },
    {
      name: 'a nudge that answered no flag is no follow-up',
      rollups: boFlagged,
      nudges: [nudge('alex', 'bo', '2026-11-28T10:00:00Z', null)],
      team: figures(1, 0, 0, null),
      alex: figures(1, 0, 0, null),
      sam: figures(1, 0, 0, null),
    },
    {
      name: 'a flag raised before the chosen period is left out of it…',
      rollups: everyoneActive,
      nudges: [nudge('sam', 'cy', '2026-10-21T00:00:00Z', '2026-10-20T00:00:00Z')],
      weeks: 4,
      team: figures(0, 0, null, null),
      alex: figures(0, 0, null, null),
      sam: figures(0, 0, null, null),
    },
    {
      name: '…and counted in a longer one',
      rollups: everyoneActive,
      nudges: [nudge('sam', 'cy', '2026-10-21T00:00:00Z', '2026-10-20T00:00:00Z')],
      weeks: 12,
      team: figures(1, 1, 1, 1),
      alex: figures(1, 0, 0, null),
      sam: figures(1, 1, 1, 1),
    },
    {
      name: 'the period begins on Monday in the team’s zone: late Sunday in London is before it',
      rollups: everyoneActive,
      nudges: [nudge('sam', 'cy', '2026-11-02T10:00:00Z', '2026-11-01T23:30:00Z')],
      weeks: 4,
      zone: 'Europe/London',
      team: figures(0, 0, null, null),
      alex: figures(0, 0, null, null),
      sam: figures(0, 0, null, null),
    },
    {
      name: '…the same moment is already Monday in Berlin',
      rollups: everyoneActive,
      nudges: [nudge('sam', 'cy', '2026-11-02T10:00:00Z', '2026-11-01T23:30:00Z')],
      weeks: 4,
      zone: 'Europe/Berlin',
      team: figures(1, 1, 1, 0.4),
      alex: figures(1, 0, 0, null),
      sam: figures(1, 1, 1, 0.4),
    },
  ])('$name', ({ rollups, nudges, weeks = 4, zone = 'Europe/London', team, alex, sam }) => {
    const all = teamFollowUps({ roster, rollups, nudges, weeks, zone, now });
    expect(followUpsFor(all, 'alex')).toEqual({ team, yours: alex });
    expect(followUpsFor(all, 'sam')).toEqual({ team, yours: sam });
  });

  it('leaves rollups of people who left out, and asks only the roster’s leads', () => {
    const gone: MemberRollup = { ...boSilent, userId: 'gone' };
    const all = teamFollowUps({ roster, rollups: [...everyoneActive, gone], nudges: [], weeks: 4, zone: 'UTC', now });
    expect(all.team).toEqual(figures(0, 0, null, null));
    expect(all.leads.map((l) => l.leadId)).toEqual(['alex', 'sam']);
  });

  it('gives a lead without figures of their own the team’s asks, none of them done', () => {
    const all = teamFollowUps({ roster, rollups: boFlagged, nudges: [alexToBo], weeks: 4, zone: 'UTC', now });
    expect(followUpsFor(all, 'newly-named').yours).toEqual(figures(1, 0, 0, null));
  });
});

describe('nudgesNeededSince', () => {
  const zones = ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/London', 'America/New_York', 'UTC'];
  // Mondays and Sundays at both ends of the day, and the weeks daylight saving ends in.
  const moments = [
    '2026-11-02T00:30:00Z',
    '2026-11-01T23:30:00Z',
    '2026-11-08T11:00:00Z',
    '2026-10-26T01:00:00Z',
    '2026-03-30T00:00:00Z',
    '2027-01-03T23:59:00Z',
  ];
  it.each(DASHBOARD_PERIODS)('reaches back to the start of a %d-week period in every zone', (weeks) => {
    for (const zone of zones) {
      for (const iso of moments) {
        const moment = new Date(iso);
        const first = periodWeeks(moment, weeks, zone)[0]!.week;
        expect(nudgesNeededSince(moment, weeks).getTime(), `${zone} ${iso}`).toBeLessThanOrEqual(weekSpan(first, zone).start.getTime());
      }
    }
  });
});
