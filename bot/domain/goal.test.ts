import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { behindTwice, daysLeft, goalStatusOf, isOpen, latestState, validateGoal } from './goal.js';
import { GOAL_LIMITS, GOAL_STATES, type GoalProgress, type GoalProgressState, type GoalStatus } from '../contract/goal-rules.js';

// Noon UTC on Saturday 28 November 2026: already Sunday the 29th in Auckland (UTC+13), still the
// 28th in London (UTC+0) and Los Angeles (UTC-8).
const now = new Date('2026-11-28T12:00:00Z');

const report = (state: GoalProgressState, at = '2026-11-20T12:00:00Z'): GoalProgress => ({ at, state, note: null, cycle: null });
const reports = (...states: GoalProgressState[]): GoalProgress[] =>
  states.map((s, i) => report(s, `2026-11-${String(10 + i).padStart(2, '0')}T12:00:00Z`));

describe('goalStatusOf', () => {
  it.each<[string, string, GoalProgressState[], string, GoalStatus]>([
    ['no reports, target ahead', '2026-12-31', [], 'UTC', 'open'],
    ['the target day itself is not overdue', '2026-11-28', [], 'UTC', 'open'],
    ['the day after the target is overdue', '2026-11-27', ['on-track'], 'UTC', 'overdue'],
    ['behind and past the target is overdue', '2026-11-01', ['behind', 'behind'], 'Europe/London', 'overdue'],
    ['done', '2026-12-31', ['on-track', 'done'], 'UTC', 'done'],
    ['dropped', '2026-12-31', ['behind', 'dropped'], 'UTC', 'dropped'],
    ['done stays done after the target date', '2026-11-01', ['done'], 'UTC', 'done'],
    ['reopened by a later report', '2026-12-31', ['done', 'on-track'], 'UTC', 'open'],
    ['reopened after dropping, and late', '2026-11-01', ['dropped', 'behind'], 'UTC', 'overdue'],
    ['overdue in Auckland, where it is already the 29th', '2026-11-28', [], 'Pacific/Auckland', 'overdue'],
    ['not yet overdue in Los Angeles', '2026-11-28', [], 'America/Los_Angeles', 'open'],
  ])('%s', (_name, targetDate, states, zone, status) => {
    const goal = { targetDate, progress: reports(...states) };
    expect(goalStatusOf(goal, now, zone)).toBe(status);
    expect(isOpen(goal, now, zone)).toBe(status === 'open' || status === 'overdue');
  });

  it.each<[string, Date, string, GoalStatus, GoalStatus]>([
    // 00:30 on 2 July in London (BST, UTC+1) is still 1 July in UTC.
    ['overdue in London just after its midnight, not yet in UTC', new Date('2026-07-01T23:30:00Z'), '2026-07-01', 'overdue', 'open'],
    // 19:00 on 28 November in Los Angeles is already the 29th in UTC.
    ['overdue in UTC, not yet in Los Angeles', new Date('2026-11-29T03:00:00Z'), '2026-11-28', 'open', 'overdue'],
  ])('%s', (_name, at, targetDate, inZone, inUtc) => {
    const zone = inZone === 'overdue' ? 'Europe/London' : 'America/Los_Angeles';
    expect(goalStatusOf({ targetDate, progress: [] }, at, zone)).toBe(inZone);
    expect(goalStatusOf({ targetDate, progress: [] }, at, 'UTC')).toBe(inUtc);
  });

  it('reads an unknown zone as UTC rather than failing', () => {
    expect(goalStatusOf({ targetDate: '2026-11-28', progress: [] }, now, 'Not/AZone')).toBe('open');
    expect(goalStatusOf({ targetDate: '2026-11-27', progress: [] }, now, 'Not/AZone')).toBe('overdue');
  });
});

describe('behindTwice and latestState', () => {
  it.each<[string, GoalProgressState[], boolean, GoalProgressState | null]>([
    ['no reports', [], false, null],
    ['a single behind', ['behind'], false, 'behind'],
    ['behind, behind', ['behind', 'behind'], true, 'behind'],
    ['behind, on-track, behind', ['behind', 'on-track', 'behind'], false, 'behind'],
    ['on-track, behind, behind', ['on-track', 'behind', 'behind'], true, 'behind'],
    ['behind, behind, on-track', ['behind', 'behind', 'on-track'], false, 'on-track'],
    ['behind, behind, done', ['behind', 'behind', 'done'], false, 'done'],
  ])('%s', (_name, states, twice, latest) => {
    expect(behindTwice({ progress: reports(...states) })).toBe(twice);
    expect(latestState({ progress: reports(...states) })).toBe(latest);
  });
});

describe('daysLeft', () => {
  it.each<[string, Date, string, string, number]>([
    ['the target day', now, 'UTC', '2026-11-28', 0],
    ['tomorrow', now, 'UTC', '2026-11-29', 1],
    ['across a month and a year end', now, 'UTC', '2027-01-01', 34],
    ['overdue by three days', now, 'UTC', '2026-11-25', -3],
    ['in Auckland, already the 29th', now, 'Pacific/Auckland', '2026-11-28', -1],
    ['in Los Angeles, still the 28th', new Date('2026-11-29T03:00:00Z'), 'America/Los_Angeles', '2026-11-29', 1],
    ['across London’s clock change', new Date('2026-10-24T23:30:00Z'), 'Europe/London', '2026-10-26', 1],
    ['a leap day', new Date('2028-02-28T12:00:00Z'), 'UTC', '2028-03-01', 2],
  ])('%s', (_name, at, zone, targetDate, days) => {
    expect(daysLeft({ targetDate }, at, zone)).toBe(days);
  });

  it('is NaN for a stored target that is not a day', () => {
    expect(daysLeft({ targetDate: '2026-02-30' }, now, 'UTC')).toBeNaN();
  });
});

describe('validateGoal', () => {
  const valid = {
    what: 'Learn to write property-based tests',
    why: 'Our parsers keep breaking on odd input',
    targetDate: '2027-01-31',
    resources: 'https://fast-check.dev/docs\nhttps://example.com/pbt',
  };

  it('accepts a full goal, trimming text and splitting links', () => {
    expect(validateGoal({ ...valid, what: `  ${valid.what}\n`, extra: 'ignored' }, now, 'Europe/London')).toEqual({
      ok: true,
      goal: {
        what: valid.what,
        why: valid.why,
        targetDate: '2027-01-31',
        resources: ['https://fast-check.dev/docs', 'https://example.com/pbt'],
      },
    });
  });

  it('accepts only what and the target date, storing the rest as empty', () => {
    expect(validateGoal({ what: 'SQL window functions', why: '   ', targetDate: '2026-11-28' }, now, 'UTC')).toEqual({
      ok: true,
      goal: { what: 'SQL window functions', why: null, targetDate: '2026-11-28', resources: [] },
    });
  });

  it.each<[string, unknown, string[]]>([
    ['one per line', 'https://a.example\nhttps://b.example', ['https://a.example', 'https://b.example']],
    [
      'commas, spaces and CRLF',
      ' https://a.example, https://b.example\r\nhttps://c.example ',
      ['https://a.example', 'https://b.example', 'https://c.example'],
    ],
    ['a list', ['https://a.example/x,y', '  https://b.example  ', ''], ['https://a.example/x,y', 'https://b.example']],
    ['duplicates removed, first spelling kept', 'https://a.example/x https://A.example/x https://a.example/x', ['https://a.example/x']],
    [
      'four with a duplicate is three',
      ['https://a.example', 'https://b.example', 'https://c.example', 'https://a.example/'],
      ['https://a.example', 'https://b.example', 'https://c.example'],
    ],
    ['none', '', []],
    ['null', null, []],
  ])('reads links: %s', (_name, resources, links) => {
    const result = validateGoal({ ...valid, resources }, now, 'UTC');
    expect(result.ok && result.goal.resources).toEqual(links);
  });

  it.each<[string, Record<string, unknown>, string, 'what' | 'why' | 'targetDate' | 'resources', string]>([
    ['what missing', { what: undefined }, 'UTC', 'what', 'Say what you want to learn'],
    ['what whitespace only', { what: ' \n\t ' }, 'UTC', 'what', 'Say what you want to learn'],
    ['what only control characters', { what: '\u0000\u0007\u001b' }, 'UTC', 'what', 'Say what you want to learn'],
    ['what not text', { what: { text: 'x' } }, 'UTC', 'what', 'Say what you want to learn'],
    ['what too long', { what: 'x'.repeat(GOAL_LIMITS.what + 1) }, 'UTC', 'what', 'The goal is too long: at most 200 characters'],
    ['why too long', { why: 'y'.repeat(GOAL_LIMITS.why + 1) }, 'UTC', 'why', 'The reason is too long: at most 500 characters'],
    ['no target date', { targetDate: '' }, 'UTC', 'targetDate', 'Choose a target date'],
    ['a date in another format', { targetDate: '31/01/2027' }, 'UTC', 'targetDate', 'Give the target date as YYYY-MM-DD'],
    ['a date with a time', { targetDate: '2027-01-31T00:00' }, 'UTC', 'targetDate', 'Give the target date as YYYY-MM-DD'],
    ['30 February', { targetDate: '2027-02-30' }, 'UTC', 'targetDate', 'There is no such day as 2027-02-30: choose a real date'],
    [
      '29 February outside a leap year',
      { targetDate: '2027-02-29' },
      'UTC',
      'targetDate',
      'There is no such day as 2027-02-29: choose a real date',
    ],
    ['month 13', { targetDate: '2027-13-01' }, 'UTC', 'targetDate', 'There is no such day as 2027-13-01: choose a real date'],
    ['yesterday', { targetDate: '2026-11-27' }, 'UTC', 'targetDate', 'The target date has passed: choose today or later'],
    [
      'today in UTC, already yesterday in Auckland',
      { targetDate: '2026-11-28' },
      'Pacific/Auckland',
      'targetDate',
      'The target date has passed: choose today or later',
    ],
    ['more than two years ahead', { targetDate: '2028-11-29' }, 'UTC', 'targetDate', 'Choose a date within two years'],
    [
      'four links',
      { resources: ['https://a.example', 'https://b.example', 'https://c.example', 'https://d.example'] },
      'UTC',
      'resources',
      'At most 3 links',
    ],
    [
      'an ftp link',
      { resources: 'https://a.example ftp://x' },
      'UTC',
      'resources',
      '“ftp://x” is not a web address starting with http:// or https://',
    ],
    [
      'a javascript: link',
      { resources: ['javascript:alert(1)'] },
      'UTC',
      'resources',
      '“javascript:alert(1)” is not a web address starting with http:// or https://',
    ],
    [
      'a bare host',
      { resources: 'example.com' },
      'UTC',
      'resources',
      '“example.com” is not a web address starting with http:// or https://',
    ],
    [
      'a link too long',
      { resources: `https://example.com/${'a'.repeat(GOAL_LIMITS.link)}` },
      'UTC',
      'resources',
      `“https://example.com/${'a'.repeat(39)}…” is too long: at most ${GOAL_LIMITS.link} characters`,
    ],
    ['links neither text nor a list of text', { resources: [1, 2] }, 'UTC', 'resources', 'Give the links as text, one per line'],
  ])('rejects %s, keeping what was typed', (_name, change, zone, field, message) => {
    const result = validateGoal({ ...valid, ...change }, now, zone);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({ [field]: message });
    for (const other of ['what', 'why', 'targetDate', 'resources'] as const) {
      if (other !== field) expect(result.values[other]).toBe(valid[other]);
    }
  });

  it.each([
    ['today', '2026-11-28', 'UTC'],
    ['today in Auckland', '2026-11-29', 'Pacific/Auckland'],
    ['exactly two years ahead', '2028-11-28', 'UTC'],
    ['a leap day', '2028-02-29', 'UTC'],
  ])('accepts the target date %s', (_name, targetDate, zone) => {
    expect(validateGoal({ ...valid, targetDate }, now, zone).ok).toBe(true);
  });

  it('strips control characters other than newline and tab', () => {
    const result = validateGoal({ ...valid, what: 'Rust\u0000 life\u0007times', why: 'line one\r\n\tline two\u009b' }, now, 'UTC');
    expect(result.ok && result.goal).toMatchObject({ what: 'Rust lifetimes', why: 'line one\n\tline two' });
  });

  it('reports every bad field at once and echoes links from a list joined by newlines', () => {
    const result = validateGoal(
      { what: '', why: 42, targetDate: '2020-01-01', resources: ['https://a.example', 'mailto:me@example.com'] },
      now,
      'UTC',
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        what: 'Say what you want to learn',
        targetDate: 'The target date has passed: choose today or later',
        resources: '“mailto:me@example.com” is not a web address starting with http:// or https://',
      },
      values: { what: '', why: '42', targetDate: '2020-01-01', resources: 'https://a.example\nmailto:me@example.com' },
    });
  });

  it('cuts huge values it echoes back', () => {
    const result = validateGoal(
      { ...valid, what: 'x'.repeat(1_000_000), why: '😀'.repeat(5_000), resources: 'h'.repeat(1_000_000) },
      now,
      'UTC',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.values.what).toHaveLength(2000);
    expect(result.values.why).toBe('😀'.repeat(1000));
    expect(result.values.resources!.length).toBeLessThanOrEqual(3 * (GOAL_LIMITS.link + 1));
    expect(result.errors.resources).toMatch(/^“h{59}…” is too long/);
  });

  it.each<[unknown]>([[null], [undefined], [42], ['a goal'], [[]], [['what']], [true]])('refuses %j without throwing', (data) => {
    const result = validateGoal(data, now, 'UTC');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.what).toBe('Say what you want to learn');
  });
});

describe('hostile input', () => {
  const zones = ['UTC', 'Europe/London', 'Pacific/Auckland', 'Not/AZone'];
  const ids = ['g1', 'g2', '', 'constructor', '__proto__'];

  it('never throws, whatever arrives', () => {
    const fieldKeys = fc.constantFrom(
      'what',
      'why',
      'targetDate',
      'resources',
      ...ids.flatMap((id) => [`goal.${id}.state`, `goal.${id}.note`]),
    );
    const inputs = fc.oneof(
      fc.anything(),
      fc.dictionary(fc.string(), fc.string()),
      fc.dictionary(fieldKeys, fc.oneof(fc.anything(), fc.string(), fc.array(fc.string()), fc.constantFrom(...GOAL_STATES))),
    );
    fc.assert(
      fc.property(inputs, fc.constantFrom(...zones), (data, zone) => {
        const goal = validateGoal(data, now, zone);
        expect(typeof goal.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});
