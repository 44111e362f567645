import { z } from 'zod';

/**
 * A team id as Teams gives it ("19:…@thread.tacv2", some 50–80 ASCII characters), checked where it
 * enters. Keys percent-encode it, so one UTF-8 byte can take three characters of a key: at most 200
 * bytes keeps every key built from it (with the tenant and a row's own parts) under Table
 * Storage's 1 KiB, whatever characters it holds.
 */
export const TEAM_ID_MAX_BYTES = 200;

export const teamIdSchema = z
  .string()
  .min(1, 'is empty')
  .refine((id) => Buffer.byteLength(id, 'utf8') <= TEAM_ID_MAX_BYTES, `is longer than ${TEAM_ID_MAX_BYTES} bytes`)
  .regex(/^[^\u0000-\u001f]*$/, 'has control characters');
