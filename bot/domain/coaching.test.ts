import { describe, expect, it } from 'vitest';
import { validateCoachingAnswer } from './coaching.js';
import { validateCoachingNote } from '../contract/coaching-rules.js';

describe('validateCoachingNote', () => {
  it.each([
    ['a note, trimmed, control characters gone', { note: '  Try pairing on it\u0007 ' }, { ok: true, note: 'Try pairing on it' }],
    ['an empty note', { note: '  ' }, { ok: false, error: 'The note is empty' }],
    ['no note', {}, { ok: false, error: 'The note must be text' }],
    ['a note that is not text', { note: ['x'] }, { ok: false, error: 'The note must be text' }],
    ['a note too long', { note: 'x'.repeat(1001) }, { ok: false, error: 'The note is too long: at most 1000 characters' }],
    ['a field it does not know', { note: 'hi', learnerId: 'x' }, { ok: false, error: 'Unexpected field: learnerId' }],
  ])('%s', (_name, body, expected) => {
    expect(validateCoachingNote(body)).toEqual(expected);
  });
});

describe('validateCoachingAnswer', () => {
  it('takes an answer and keeps what was typed when it refuses one', () => {
    expect(validateCoachingAnswer({ answer: ' Thanks, will do ' })).toEqual({ ok: true, answer: 'Thanks, will do' });
    expect(validateCoachingAnswer({ answer: '' })).toEqual({ ok: false, error: 'Your answer is empty', typed: '' });
    expect(validateCoachingAnswer({ answer: 'y'.repeat(1001) })).toMatchObject({
      ok: false,
      error: 'Your answer is too long: at most 1000 characters',
      typed: 'y'.repeat(1001),
    });
    expect(validateCoachingAnswer(null)).toMatchObject({ ok: false });
  });
});
