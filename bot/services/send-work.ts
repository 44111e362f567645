/** A queued proactive send: which learner, which cycle, which message. */
export interface SendWork {
  kind: 'checkin' | 'reminder';
  tenantId: string;
  userId: string;
  cycle: string;
  teamId: string;
}
