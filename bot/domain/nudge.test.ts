import { describe, expect, it } from 'vitest';
import { NUDGE_GAP_MS, nudgedRecently, validateNudge } from './nudge.js';

describe('validateNudge', () => {
  it.each([
    ['no body', undefined, { ok: true, note: null }],
    ['an empty note', { note: '   ' }, { ok: true, note: null }],
    [
      'a note, trimmed and without control characters',
      { note: '  How is the course going?\u0007 ' },
      { ok: true, note: 'How is the course going?' },
    ],
    ['a null note', { note: null }, { ok: true, note: null }],
    ['a note that is not text', { note: 42 }, { ok: false, error: 'The note must be text' }],
    ['a note too long', { note: 'x'.repeat(501) }, { ok: false, error: 'The note is too long: at most 500 characters' }],
  ])('%s', (_name, body, expected) => {
    expect(validateNudge(body)).toEqual(expected);
  });

  it('refuses fields it does not know, so nothing else can ride along', () => {
    expect(validateNudge({ note: 'hi', learnerId: 'someone-else' })).toMatchObject({ ok: false });
  });
});

describe('nudgedRecently', () => {
  const now = new Date('2026-11-28T12:00:00Z');
  const at = (msAgo: number) => new Date(now.getTime() - msAgo).toISOString();
  it.each([
    ['the same lead nudged the same learner an hour ago', [{ leadId: 'lead', learnerId: 'me', sentAt: at(3_600_000) }], true],
    ['just over the gap ago', [{ leadId: 'lead', learnerId: 'me', sentAt: at(NUDGE_GAP_MS + 1) }], false],
    ['another lead nudged', [{ leadId: 'other', learnerId: 'me', sentAt: at(60_000) }], false],
    ['another learner was nudged', [{ leadId: 'lead', learnerId: 'you', sentAt: at(60_000) }], false],
    ['never', [], false],
  ])('%s', (_name, previous, expected) => {
    expect(nudgedRecently(previous, 'lead', 'me', now)).toBe(expected);
  });
});
