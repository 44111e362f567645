import { describe, expect, it } from 'vitest';
import { myDataFileName } from './my-data-paths.js';

describe('myDataFileName', () => {
  it('names each download by what it holds and the day it was taken', () => {
    const now = new Date('2026-11-29T08:00:00Z');
    expect(myDataFileName('json', now)).toBe('learning-loop-my-data-2026-11-29.json');
    expect(myDataFileName('csv', now)).toBe('learning-loop-my-entries-2026-11-29.csv');
  });
});
