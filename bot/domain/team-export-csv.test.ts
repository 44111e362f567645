import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvLine } from '../contract/csv-cell.js';
import type { Goal } from '../contract/goal-rules.js';
import type { LearningEntry } from '../contract/learning-entry.js';
import { emptyRollup } from './member-rollup.js';
import type { Nudge } from '../contract/nudge-rules.js';
import { TEAM_EXPORT_COLUMNS, entryExportRow, followUpExportRow, goalExportRow, participationRows } from './team-export-csv.js';
import { teamExportFilename } from '../contract/team-export.js';

const member = { userId: 'u-1', displayName: 'Megan, "the" Bowen' };
const NOW = new Date('2026-12-04T12:00:00.000Z');
const parsed = (header: readonly string[], rows: (readonly (string | number | null)[])[]) =>
  parse([header, ...rows].map(csvLine).join(''), { columns: true, relax_column_count: false }) as Record<string, string>[];

const entry = (over: Partial<LearningEntry>): LearningEntry => ({
  id: 'e1',
  tenantId: 't',
  userId: 'u-1',
  what: 'A talk',
  sourceType: 'video',
  link: 'https://example.com/a?b=1,2',
  minutes: 30,
  rating: 4,
  insight: null,
  action: null,
  result: null,
  visibility: 'leads',
  createdAt: '2026-11-20T10:00:00.000Z',
  ...over,
});

describe('team exports as CSV', () => {
  it('parse back to the same entries, whatever the learner typed, with formulas kept as text', () => {
    const hostile = [
      entry({ what: 'Quotes "inside", commas, and\r\na new line', insight: '=HYPERLINK("http://evil","click")' }),
      entry({ what: '+1 on this', action: '-2 days', result: '@SUM(A1:A9)', minutes: null, rating: null, link: null }),
      entry({ what: '\tTabbed', insight: 'مرحبا — 学习 — 🎓' }),
    ];
    const rows = parsed(
      TEAM_EXPORT_COLUMNS.entries,
      hostile.map((e) => entryExportRow(member, e)),
    );
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      member: member.displayName,
      what: hostile[0]!.what,
      insight: `'=HYPERLINK("http://evil","click")`,
      link: 'https://example.com/a?b=1,2',
      minutes: '30',
    });
    expect(rows[1]).toMatchObject({ what: "'+1 on this", action: "'-2 days", result: "'@SUM(A1:A9)", minutes: '', rating: '', link: '' });
    expect(rows[2]).toMatchObject({ what: "'\tTabbed", insight: 'مرحبا — 学习 — 🎓', visibility: 'leads' });
    // No cell a spreadsheet would evaluate: each starts with a character it reads as text.
    for (const row of rows) for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('gives every week of the period a participation row, quiet ones as zeros, with the check-in outcome', () => {
    const rollup = {
      ...emptyRollup('u-1'),
      weeks: { '2026-W47': { entries: 2, minutes: 50, ratingSum: 7, ratingCount: 2, lastAt: 0, sources: {}, insights: 1, actions: 0 } },
      cycles: { '2026-W47': { answer: 'responded' as const, at: 0 }, '2026-W48': { answer: 'noAnswer' as const, at: 0 } },
    };
    const weeks = [
      { week: '2026-W46', weekStart: '2026-11-09' },
      { week: '2026-W47', weekStart: '2026-11-16' },
      { week: '2026-W48', weekStart: '2026-11-23' },
    ];
    const rows = parsed(TEAM_EXPORT_COLUMNS.participation, participationRows(member, rollup, weeks, NOW));
    expect(rows.map((r) => [r.week, r.entries, r.minutes, r.average_rating, r.insights, r.check_in])).toEqual([
      ['2026-W46', '0', '0', '', '0', ''],
      ['2026-W47', '2', '50', '3.500', '1', 'answered'],
      ['2026-W48', '0', '0', '', '0', 'not answered'],
    ]);
    expect(participationRows(member, undefined, weeks, NOW).every((r) => r[4] === 0)).toBe(true);
  });

  it('says per week what came of the actions planned in it: results, dropped, due as of the export and the median days', () => {
    const week = { entries: 3, minutes: 0, ratingSum: 0, ratingCount: 0, lastAt: 0, sources: {}, insights: 0, actions: 3 };
    const rollup = {
      ...emptyRollup('u-1'),
      weeks: {
        '2026-W47': { ...week, outcomes: { results: 1, dropped: 1, resultDays: [4], awaitingAt: [Date.parse('2026-11-17T09:00:00Z')] } },
      },
    };
    const rows = parsed(
      TEAM_EXPORT_COLUMNS.participation,
      participationRows(member, rollup, [{ week: '2026-W47', weekStart: '2026-11-16' }], NOW),
    );
    expect(rows.map((r) => [r.actions, r.results, r.dropped, r.actions_due, r.median_days_to_result])).toEqual([['3', '1', '1', '3', '4']]);
    const entries = parsed(TEAM_EXPORT_COLUMNS.entries, [
      entryExportRow(member, entry({ action: 'Try it', actionAnswer: { answer: 'dropped', at: '2026-11-20T09:00:00.000Z' } })),
      entryExportRow(member, entry({ action: null })),
    ]);
    expect(entries.map((r) => [r.action_status, r.action_answered_at])).toEqual([
      ['dropped', '2026-11-20T09:00:00.000Z'],
      ['', ''],
    ]);
  });

  it('shows a goal’s standing but not the learner’s reasons or notes', () => {
    const goal: Goal = {
      goalId: 'g1',
      tenantId: 't',
      userId: 'u-1',
      what: 'Learn Bicep',
      why: 'private reason',
      targetDate: '2026-11-01',
      resources: [],
      progress: [{ at: '2026-10-20T09:00:00.000Z', state: 'behind', note: 'private note', cycle: null }],
      createdAt: '2026-10-01T09:00:00.000Z',
      closedAt: null,
    };
    const [row] = parsed(TEAM_EXPORT_COLUMNS.goals, [goalExportRow(member, goal, new Date('2026-11-28T12:00:00Z'), 'Europe/London')]);
    expect(row).toMatchObject({
      goal: 'Learn Bicep',
      target_date: '2026-11-01',
      status: 'overdue',
      latest_report: 'behind',
      reports: '1',
      closed_at: '',
    });
    expect(JSON.stringify(row)).not.toMatch(/private/);
  });

  it('lists a follow-up with its reply', () => {
    const nudge: Nudge = {
      tenantId: 't',
      teamId: 'team',
      nudgeId: 'n1',
      learnerId: 'u-1',
      learnerName: member.displayName,
      leadId: 'u-0',
      leadName: 'Alex',
      note: 'How is it going?',
      reason: 'no learning for 3 weeks',
      flaggedSince: '2026-11-01',
      sentAt: '2026-11-20T10:00:00.000Z',
      delivered: true,
      reply: { answer: 'on-it', at: '2026-11-21T10:00:00.000Z' },
    };
    const [row] = parsed(TEAM_EXPORT_COLUMNS['follow-ups'], [followUpExportRow(nudge)]);
    expect(row).toMatchObject({
      lead: 'Alex',
      member: member.displayName,
      reason: 'no learning for 3 weeks',
      delivered: 'yes',
      reply: 'on-it',
      replied_at: '2026-11-21T10:00:00.000Z',
    });
  });

  it('names the file by kind, team and period, with nothing a header could break on', () => {
    expect(teamExportFilename('entries', 'Platform Engineering', 12)).toBe('learning-loop-platform-engineering-entries-12-weeks.csv');
    expect(teamExportFilename('goals', 'Équipe "R&D"\r\n', 52)).toBe('learning-loop-equipe-r-d-goals-52-weeks.csv');
    expect(teamExportFilename('follow-ups', '学习', 4)).toBe('learning-loop-team-follow-ups-4-weeks.csv');
  });
});
