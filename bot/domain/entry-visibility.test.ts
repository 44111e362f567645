import { describe, expect, it } from 'vitest';
import { DEFAULT_VISIBILITY, storedVisibility, visibleToLeads, withdrawsShare } from './entry-visibility.js';
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
});
