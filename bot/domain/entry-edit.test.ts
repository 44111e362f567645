import { describe, expect, it } from 'vitest';
import type { LearningEntry } from '../contract/learning-entry.js';
import { validateEntryEdit } from './entry-edit.js';

const entry: LearningEntry = {
  id: 'e1',
  tenantId: 't',
  userId: 'u',
  what: 'Design tokens',
  sourceType: 'video',
  link: 'https://example.com/tokens',
  minutes: 20,
  rating: 4,
  insight: 'Tokens are a contract',
  action: null,
  result: null,
  visibility: 'leads',
  createdAt: '2026-11-20T10:00:00.000Z',
};

describe('validateEntryEdit', () => {
  it('changes only the fields named, and null clears an optional one', () => {
    const result = validateEntryEdit(entry, { minutes: 35, link: null, what: '  Design tokens in code ' });
    expect(result).toEqual({ ok: true, entry: { ...entry, minutes: 35, link: null, what: 'Design tokens in code' } });
  });

  it('applies the check-in card’s rules to each field and names every problem', () => {
    const result = validateEntryEdit(entry, { minutes: 5000, rating: 9, what: '', link: 'ftp://x' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['link', 'minutes', 'rating', 'what']);
    expect(result.errors.minutes).toMatch(/between 1 and 1440/);
  });

  it('refuses fields that cannot be edited, values of the wrong kind, and non-objects', () => {
    expect(validateEntryEdit(entry, { createdAt: '2020-01-01T00:00:00Z' })).toEqual({
      ok: false,
      errors: { body: 'These fields cannot be edited: createdAt' },
    });
    expect(validateEntryEdit(entry, { minutes: true })).toEqual({
      ok: false,
      errors: { minutes: 'minutes must be text, a number or null' },
    });
    expect(validateEntryEdit(entry, [1])).toMatchObject({ ok: false });
    expect(validateEntryEdit(entry, 'minutes=3')).toMatchObject({ ok: false });
  });

  it.each([
    ['narrowed to only me', { visibility: 'private' }, { ok: true, visibility: 'private' }],
    ['widened to the team', { visibility: 'team' }, { ok: true, visibility: 'team' }],
    ['left alone by an edit of another field', { minutes: 5 }, { ok: true, visibility: 'leads' }],
    ['cleared (refused: it would widen a private entry)', { visibility: null }, { ok: false }],
    ['an unknown value', { visibility: 'everyone' }, { ok: false }],
    ['not text', { visibility: 1 }, { ok: false }],
  ] as [string, unknown, { ok: boolean; visibility?: string }][])('who can see it: %s', (_name, edit, expected) => {
    const result = validateEntryEdit(entry, edit);
    expect(result.ok).toBe(expected.ok);
    if (result.ok) expect(result.entry.visibility).toBe(expected.visibility);
    else expect(result.errors.visibility).toBeTruthy();
  });
});
