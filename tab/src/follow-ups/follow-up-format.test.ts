import { describe, expect, it } from 'vitest';
import { NUDGE_ANSWER_LABELS as SERVICE_ANSWER_LABELS, NUDGE_NOTE_MAX as SERVICE_NOTE_MAX } from '../../../bot/contract/nudge-rules.js';
import { NUDGE_ANSWER_LABELS, NUDGE_NOTE_MAX } from '../api/goal-types.js';
import { nudge } from '../testing/goal-fixtures.js';
import { newestSentFirst, nudgeReplyText, nudgeSentText, nudgesCountText } from './follow-up-format.js';

describe('nudge words', () => {
  it('repeats the service’s reply labels and note limit', () => {
    expect(NUDGE_ANSWER_LABELS).toEqual(SERVICE_ANSWER_LABELS);
    expect(NUDGE_NOTE_MAX).toBe(SERVICE_NOTE_MAX);
  });

  it('says what the learner replied, or that they have not', () => {
    expect(nudgeReplyText({ answer: 'need-help', at: '2026-11-27T10:00:00Z' })).toBe('Replied: I need help');
    expect(nudgeReplyText({ answer: 'on-it', at: '2026-11-27T10:00:00Z' })).toBe('Replied: I’m on it');
    expect(nudgeReplyText({ answer: 'shrug' as never, at: '2026-11-27T10:00:00Z' })).toBe('Replied');
    expect(nudgeReplyText(null)).toBe('No reply yet');
  });

  it('says whether a nudge was delivered or only recorded', () => {
    expect(nudgeSentText('Isaiah Langer', true)).toBe('Nudge sent to Isaiah Langer');
    expect(nudgeSentText('Isaiah Langer', false)).toBe(
      'Nudge recorded; Isaiah Langer has not opened a chat with Learning Loop yet, so it could not be delivered',
    );
  });

  it('counts nudges and keeps the newest first', () => {
    expect(nudgesCountText(1)).toBe('1 nudge, newest first');
    expect(nudgesCountText(2)).toBe('2 nudges, newest first');
    const older = nudge('A', { sentAt: '2026-11-01T09:00:00Z' });
    const newer = nudge('B', { sentAt: '2026-11-02T09:00:00Z' });
    expect(newestSentFirst([older, newer]).map((n) => n.learnerName)).toEqual(['B', 'A']);
  });
});
