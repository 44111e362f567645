import { describe, expect, it } from 'vitest';
import { keyOf, newestFirstTimeKey, prefixEnd, tenantPartitions } from './keys.js';

describe('table keys', () => {
  it('removes characters Table Storage forbids in keys', () => {
    const key = keyOf('tenant/1', 'a\\b#c?d', 'tab\there');
    expect(key).not.toMatch(/[/\\#?\u0000-\u001f]/);
  });

  it('keeps distinct tuples distinct, even when parts hold the separator', () => {
    expect(keyOf('a|b', 'c')).not.toBe(keyOf('a', 'b|c'));
  });

  it('encodes a lone surrogate (hostile JSON can carry one) instead of throwing, keeping keys distinct', () => {
    expect(() => keyOf('t', 'a\ud800')).not.toThrow();
    expect(keyOf('t', 'a\ud800')).not.toBe(keyOf('t', 'a\udc00'));
    expect(keyOf('t', 'a\ud800')).not.toBe(keyOf('t', 'a%uD800'));
    expect(keyOf('t', '\ud83d\ude00')).toBe(keyOf('t', '😀'));
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

  it('ranges over exactly one tenant’s multi-part partitions', () => {
    const { from, to } = tenantPartitions('t1');
    const within = (key: string) => key >= from && key < to;
    expect(within(keyOf('t1', 'team'))).toBe(true);
    expect(within(keyOf('t1', 'person', 'u1'))).toBe(true);
    expect(within(keyOf('t1'))).toBe(false);
    expect(within(keyOf('t10', 'team'))).toBe(false);
    expect(within(keyOf('t1|x'))).toBe(false);
  });
});
