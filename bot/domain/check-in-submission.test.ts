import { describe, expect, it } from 'vitest';
import { CHECK_IN_LIMITS, validateCheckIn } from './check-in-submission.js';

const valid = {
  what: 'How to run a blameless retro',
  sourceType: 'article',
  link: 'https://example.com/retros',
  minutes: '25',
  rating: '4',
  insight: 'Ask what, not who',
  action: 'Try it at Friday’s retro',
};

describe('validateCheckIn', () => {
  it('accepts a full submission and converts numbers', () => {
    const result = validateCheckIn(valid);
    expect(result).toEqual({
      ok: true,
      entry: { ...valid, minutes: 25, rating: 4, visibility: 'leads' },
      result: null,
    });
  });

  it('accepts only what and the source type, storing the rest as empty', () => {
    const result = validateCheckIn({ what: '  Pairing on SQL  ', sourceType: 'on-the-job', link: '', minutes: '' });
    expect(result).toEqual({
      ok: true,
      entry: {
        what: 'Pairing on SQL',
        sourceType: 'on-the-job',
        link: null,
        minutes: null,
        rating: null,
        insight: null,
        action: null,
        visibility: 'leads',
      },
      result: null,
    });
  });

  it('accepts numbers sent as numbers by some clients', () => {
    const result = validateCheckIn({ ...valid, minutes: 30, rating: 5 });
    expect(result.ok && result.entry.minutes).toBe(30);
  });

  it('requires what was learned, keeping the other values', () => {
    const result = validateCheckIn({ ...valid, what: '   ' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.what).toBe('Tell us what you learned');
    expect(result.values.insight).toBe(valid.insight);
    expect(Object.keys(result.errors)).toEqual(['what']);
  });

  it.each([
    ['abc', 'Minutes must be a number'],
    ['0', 'Minutes must be between 1 and 1440'],
    ['1441', 'Minutes must be between 1 and 1440'],
    ['2.5', 'Minutes must be a whole number'],
  ])('rejects minutes %s', (minutes, message) => {
    const result = validateCheckIn({ ...valid, minutes });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.minutes).toBe(message);
      expect(result.values.minutes).toBe(minutes);
    }
  });

  it.each(['javascript:alert(1)', 'ftp://files.example.com/a', 'example.com', 'http://'])('rejects the link %s', (link) => {
    const result = validateCheckIn({ ...valid, link });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.link).toMatch(/http:\/\/ or https:\/\//);
  });

  it('rejects over-long text and says the limit', () => {
    const result = validateCheckIn({ ...valid, what: 'x'.repeat(CHECK_IN_LIMITS.what + 1), insight: 'y'.repeat(1001) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.what).toContain(`at most ${CHECK_IN_LIMITS.what} characters`);
    expect(result.errors.insight).toContain('at most 1000 characters');
  });

  it('rejects an unknown source type and a rating outside 1–5', () => {
    const result = validateCheckIn({ ...valid, sourceType: 'gossip', rating: '9' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.sourceType).toMatch(/Choose a kind of source/);
    expect(result.errors.rating).toBe('Usefulness must be between 1 and 5');
  });

  it('keeps what came of the last action apart from the new entry, within its limit', () => {
    const ok = validateCheckIn({ ...valid, result: 'Tried it: the retro ran 10 minutes shorter' });
    expect(ok.ok && ok.result).toBe('Tried it: the retro ran 10 minutes shorter');
    expect(ok.ok && 'result' in ok.entry).toBe(false);
    const tooLong = validateCheckIn({ ...valid, result: 'r'.repeat(501) });
    expect(tooLong.ok).toBe(false);
    if (!tooLong.ok) expect(tooLong.errors.result).toContain('at most 500 characters');
  });

  it('ignores fields that are not part of the check-in', () => {
    const result = validateCheckIn({ ...valid, cardId: 'c1', tenantId: 'evil' });
    expect(result.ok && Object.keys(result.entry).sort()).toEqual([
      'action',
      'insight',
      'link',
      'minutes',
      'rating',
      'sourceType',
      'visibility',
      'what',
    ]);
  });

  it('drops control characters from text, so an answer of nothing but them is no answer', () => {
    const blank = validateCheckIn({ ...valid, what: '\u0000\u0007 \u001b' });
    expect(blank.ok).toBe(false);
    if (!blank.ok) expect(blank.errors.what).toBe('Tell us what you learned');
    const kept = validateCheckIn({ ...valid, what: 'Line one\nline\ttwo\u0000', insight: '\u0007Insight' });
    expect(kept.ok && [kept.entry.what, kept.entry.insight]).toEqual(['Line one\nline\ttwo', 'Insight']);
  });

  it('treats a non-object submission as missing everything', () => {
    const result = validateCheckIn('check in');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['sourceType', 'what']);
  });

  it.each([
    ['not said: the default', undefined, { ok: true, visibility: 'leads' }],
    ['only me', 'private', { ok: true, visibility: 'private' }],
    ['the team', ' team ', { ok: true, visibility: 'team' }],
    ['anything else', 'everyone', { ok: false }],
  ] as [string, unknown, { ok: boolean; visibility?: string }][])('reads who can see it: %s', (_name, visibility, expected) => {
    const result = validateCheckIn({ ...valid, visibility });
    expect(result.ok).toBe(expected.ok);
    if (result.ok) expect(result.entry.visibility).toBe(expected.visibility);
    else expect(result.errors.visibility).toMatch(/^Choose who can see this/);
  });
});
