import { z } from 'zod';
import { teamIdSchema } from '../domain/ids.js';
import { DASHBOARD_PERIODS } from '../contract/dashboard-view.js';

/** The path parameters and queries more than one resource's routes read. */

export const teamIdParam = teamIdSchema;

// Entra object ids (GUIDs), or Teams ids ("29:…") where Teams gives none: never spaces, quotes, markup or slashes.
export const userIdParam = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9:@._=+-]{0,199}$/, 'is not a user id');

/** The weeks a dashboard, export or report covers. */
export const weeksQuery = z.strictObject({
  weeks: z.coerce
    .number()
    .refine(
      (n): n is (typeof DASHBOARD_PERIODS)[number] => (DASHBOARD_PERIODS as readonly number[]).includes(n),
      `must be one of ${DASHBOARD_PERIODS.join(', ')}`,
    )
    .default(12),
});

/** More of a report table: the period, and where the last page ended. */
export const reportMoreQuery = weeksQuery.extend({ cursor: z.string().min(1).max(2000) });

/** A page of a log. */
export const entriesQuery = z
  .strictObject({
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().min(1).max(2000).optional(),
  })
  .transform(({ limit, cursor }) => ({ limit, ...(cursor ? { cursor } : {}) }));
