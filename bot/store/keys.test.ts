import { describe, expect, it } from 'vitest';
import { keyOf, newestFirstTimeKey, prefixEnd } from './keys.js';

describe('table keys', () => {
  it('removes characters Table Storage forbids in keys', () => {
    const key = keyOf('tenant/1', 'a\\b#c?d', 'tab\there');
    expect(key).not.toMatch(/[/\\#?\u0000-\u001f]/);
  });

  it('keeps distinct tuples distinct, even when parts hold the separator', () => {
    expect(keyOf('a|b', 'c')).not.toBe(keyOf('a', 'b|c'));
  });

  it('sorts later times first', () => {
    const older = newestFirstTimeKey(new Date('2026-01-01T00:00:00Z'));
    const newer = newestFirstTimeKey(new Date('2026-11-01T00:00:00Z'));
    expect([older, newer].sort()).toEqual([newer, older]);
  });

  it('bounds a prefix range so that every key with the prefix falls inside', () => {
    const prefix = keyOf('e');
    const inside = keyOf('e', 'zzz~~~');
    expect(inside > prefix && inside < prefixEnd(prefix)).toBe(true);
  });
});
