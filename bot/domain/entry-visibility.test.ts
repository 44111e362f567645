import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VISIBILITY,
  leadsOfTeamMaySee,
  storedVisibility,
  visibleToLeads,
  withdrawsShare,
  writtenSinceJoining,
} from './entry-visibility.js';
import type { EntryVisibility } from '../contract/entry-visibility.js';

describe('entry visibility', () => {
  it('defaults to the leads', () => {
    expect(DEFAULT_VISIBILITY).toBe('leads');
  });

  it.each([
    ['an entry older than the field', undefined, 'leads'],
    ['a blank value', '', 'leads'],
    ['private', 'private', 'private'],
    ['leads', 'leads', 'leads'],
    ['team', 'team', 'team'],
    ['an unknown value (fails closed)', 'everyone', 'private'],
    ['a number', 3, 'private'],
  ])('reads %s as stored', (_name, stored, expected) => {
    expect(storedVisibility(stored)).toBe(expected);
  });

  it.each([
    ['private', false],
    ['leads', true],
    ['team', true],
  ] as [EntryVisibility, boolean][])('%s is seen by leads: %s', (visibility, expected) => {
    expect(visibleToLeads(visibility)).toBe(expected);
  });

  it.each([
    ['team', 'private', true],
    ['team', 'leads', true],
    ['team', 'team', false],
    ['leads', 'private', false],
    ['private', 'team', false],
  ] as [EntryVisibility, EntryVisibility, boolean][])('%s → %s withdraws a share: %s', (before, after, expected) => {
    expect(withdrawsShare(before, after)).toBe(expected);
  });

  describe('the leads of one team', () => {
    const joinedAt = '2026-11-02T09:00:00.000Z';

    it.each([
      ['a leads entry written after joining', 'leads', '2026-11-03T10:00:00.000Z', true],
      ['a team entry written after joining', 'team', '2026-11-03T10:00:00.000Z', true],
      ['a leads entry written the moment they joined', 'leads', joinedAt, true],
      ['a leads entry written a millisecond before joining', 'leads', '2026-11-02T08:59:59.999Z', false],
      ['a team entry written before the team existed', 'team', '2025-01-01T00:00:00.000Z', false],
      ['a private entry written after joining', 'private', '2026-11-03T10:00:00.000Z', false],
    ] as [string, EntryVisibility, string, boolean][])('%s: %s', (_name, visibility, createdAt, expected) => {
      expect(leadsOfTeamMaySee(visibility, createdAt, joinedAt)).toBe(expected);
    });

    it('compares instants, not text, so offsets and precision do not matter', () => {
      expect(leadsOfTeamMaySee('leads', '2026-11-02T10:00:00+01:00', '2026-11-02T09:00:00.000Z')).toBe(true);
      expect(leadsOfTeamMaySee('leads', '2026-11-02T09:59:59+01:00', '2026-11-02T09:00:00.000Z')).toBe(false);
    });

    it('fails closed on a time it cannot read', () => {
      expect(writtenSinceJoining('not a date', joinedAt)).toBe(false);
      expect(writtenSinceJoining('2026-11-03T10:00:00.000Z', '')).toBe(false);
    });
  });
});
