import { describe, expect, it } from 'vitest';
import { nextDigestWindow } from './digest.js';

describe('nextDigestWindow', () => {
  it.each([
    ['Monday 08:40 in London: today at 09:00', '2026-11-30T08:40:00Z', 'Europe/London', '2026-W48', '2026-11-30T09:00:00.000Z'],
    [
      'Monday 09:00 itself: a week later (the window just planned)',
      '2026-11-30T09:00:00Z',
      'Europe/London',
      '2026-W49',
      '2026-12-07T09:00:00.000Z',
    ],
    ['Sunday: the next day', '2026-12-06T12:00:00Z', 'UTC', '2026-W49', '2026-12-07T09:00:00.000Z'],
    ['Monday 09:00 in New York is 14:00 UTC in winter', '2026-12-22T10:00:00Z', 'America/New_York', '2026-W52', '2026-12-28T14:00:00.000Z'],
    [
      'Sunday evening UTC is already Monday in Auckland',
      '2026-11-29T19:00:00Z',
      'Pacific/Auckland',
      '2026-W48',
      '2026-11-29T20:00:00.000Z',
    ],
    [
      'the first Monday of a year covers the last week of the one before',
      '2027-01-01T00:00:00Z',
      'UTC',
      '2026-W53',
      '2027-01-04T09:00:00.000Z',
    ],
    ['London in summer is an hour ahead of UTC', '2027-06-01T00:00:00Z', 'Europe/London', '2027-W22', '2027-06-07T08:00:00.000Z'],
  ])('%s', (_, after, zone, week, opensAt) => {
    const window = nextDigestWindow(zone, new Date(after));
    expect({ week: window.week, opensAt: window.opensAt.toISOString() }).toEqual({ week, opensAt });
  });
});
