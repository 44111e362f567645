import { describe, expect, it } from 'vitest';
import { COACHING_NOTE_MAX as SERVICE_NOTE_MAX, validateCoachingNote } from '../../../bot/contract/coaching-rules.js';
import { COACHING_NOTE_MAX } from '../api/coaching-types.js';
import { coachingNote } from '../testing/coaching-fixtures.js';
import { checkCoachingNote, coachingCountText, coachingSentText, newestNoteFirst } from './coaching-format.js';

describe('coaching words', () => {
  it('repeats the service’s limit, and refuses what it refuses', () => {
    expect(COACHING_NOTE_MAX).toBe(SERVICE_NOTE_MAX);
    for (const note of ['', '   ', 'x'.repeat(SERVICE_NOTE_MAX + 1)]) {
      expect(checkCoachingNote(note).ok).toBe(false);
      expect(validateCoachingNote({ note }).ok).toBe(false);
    }
    expect(checkCoachingNote('  Nice one  ')).toEqual({ ok: true, note: 'Nice one' });
  });

  it('says whether the note reached the sharer', () => {
    expect(coachingSentText('Megan Bowen', true)).toBe(
      'Coaching note sent to Megan Bowen. Their answer comes to your chat with Learning Loop.',
    );
    expect(coachingSentText('Megan Bowen', false)).toMatch(/^Coaching note saved; Megan Bowen has not opened a chat/);
  });

  it('counts the notes and puts the newest first', () => {
    expect(coachingCountText(1)).toBe('1 note, newest first');
    expect(coachingCountText(2)).toBe('2 notes, newest first');
    const older = coachingNote('Older', { at: '2026-11-01T10:00:00.000Z' });
    const newer = coachingNote('Newer', { at: '2026-11-20T10:00:00.000Z' });
    expect(newestNoteFirst([older, newer]).map((n) => n.about)).toEqual(['Newer', 'Older']);
  });
});
