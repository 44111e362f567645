import type { SendKind } from '../store/send-store.js';

/** A queued proactive send: which learner, which cycle, which message. */
export interface SendWork {
  kind: SendKind;
  tenantId: string;
  userId: string;
  cycle: string;
  teamId: string;
}
