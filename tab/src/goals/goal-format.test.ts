import { describe, expect, it } from 'vitest';
import { GOAL_LIMITS as SERVICE_GOAL_LIMITS, GOAL_STATE_LABELS as SERVICE_STATE_LABELS } from '../../../bot/contract/goal-rules.js';
import { GOAL_LIMITS, GOAL_STATE_LABELS } from '../api/goal-types.js';
import { goal, progress } from '../testing/goal-fixtures.js';
import { goalAddedText, goalLinkHref, goalStatusLook, goalsCountText, latestNote } from './goal-format.js';

describe('goal words', () => {
  it('repeats the service’s labels and limits', () => {
    expect(GOAL_STATE_LABELS).toEqual(SERVICE_STATE_LABELS);
    const { what, why, resources, link } = SERVICE_GOAL_LIMITS;
    expect(GOAL_LIMITS).toEqual({ what, why, resources, link });
  });

  it('says how a goal stands in words: an open one by its latest check-in', () => {
    expect(goalStatusLook(goal('a'))).toEqual({ label: 'On track', color: 'success' });
    expect(goalStatusLook(goal('a', { progress: [progress('on-track'), progress('behind')] }))).toEqual({
      label: 'Behind',
      color: 'warning',
    });
    expect(goalStatusLook(goal('a', { progress: [progress('behind'), progress('on-track')] }))).toEqual({
      label: 'On track',
      color: 'success',
    });
    expect(goalStatusLook(goal('a', { status: 'overdue', progress: [progress('on-track')] }))).toEqual({
      label: 'Overdue',
      color: 'danger',
    });
    expect(goalStatusLook(goal('a', { status: 'done' })).label).toBe('Done');
    expect(goalStatusLook(goal('a', { status: 'dropped' })).label).toBe('Dropped');
    expect(goalStatusLook(goal('a', { status: 'paused' as never })).label).toBe('paused');
  });

  it('shows only the latest check-in’s note', () => {
    expect(latestNote(goal('a', { progress: [progress('behind', { note: 'old' }), progress('on-track', { note: 'new' })] }))?.note).toBe(
      'new',
    );
    expect(latestNote(goal('a', { progress: [progress('behind', { note: 'old' }), progress('on-track')] }))).toBeUndefined();
    expect(latestNote(goal('a'))).toBeUndefined();
  });

  it('makes only web links clickable, and counts and announces goals', () => {
    expect(goalLinkHref('https://doc.rust-lang.org/book/')).toBe('https://doc.rust-lang.org/book/');
    expect(goalLinkHref('javascript:alert(1)')).toBeUndefined();
    expect(goalsCountText(1)).toBe('1 goal, oldest first');
    expect(goalsCountText(3)).toBe('3 goals, oldest first');
    expect(goalAddedText('Learn Rust')).toBe('Goal added: Learn Rust');
  });
});
