import { createHash } from 'node:crypto';

/**
 * The card id of a learner's scheduled check-in for a cycle. It is the same for the check-in,
 * its reminder and any resend, so whichever card the learner answers, one entry is saved.
 */
export function scheduledCardId(tenantId: string, userId: string, cycle: string): string {
  const hex = createHash('sha256').update(`${tenantId}\u0000${userId}\u0000${cycle}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
