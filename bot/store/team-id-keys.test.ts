import { describe, expect, it } from 'vitest';
import { keyOf } from './keys.js';
import { teamIdSchema } from '../domain/ids.js';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

describe('team ids where they enter', () => {
  it('takes the ids Teams gives', () => {
    expect(teamIdSchema.safeParse('19:7a8b6f0e2c1d4e3f9a8b7c6d5e4f3a2b@thread.tacv2').success).toBe(true);
  });

  it('refuses 200 characters of three-byte text, which would make a key over 1 KiB', () => {
    const id = '中'.repeat(200);
    expect(keyOf(TENANT, id).length).toBeGreaterThan(1024);
    const parsed = teamIdSchema.safeParse(id);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('is longer than 200 bytes');
  });

  it('keeps every key built from the longest accepted id under 1 KiB, whatever characters it holds', () => {
    for (const id of ['é'.repeat(100), '中'.repeat(66), '😀'.repeat(50), '%'.repeat(200)]) {
      expect(teamIdSchema.safeParse(id).success, id).toBe(true);
      // The longest keys in the app: a row of one member (a 200-character user id) in the team's partition.
      expect(keyOf(TENANT, id).length, id).toBeLessThanOrEqual(1024);
      expect(keyOf(TENANT, id, 'm', 'u'.repeat(200)).length, id).toBeLessThanOrEqual(1024);
    }
  });
});
