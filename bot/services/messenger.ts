import type { OutboundMessage } from './outbound-message.js';
import type { Slot } from './outbound-pacer.js';

/** Where a proactive message to one learner (or, with `channelId`, to a team's channel) goes. */
export interface ProactiveTarget {
  tenantId: string;
  userId: string;
  teamsUserId: string;
  serviceUrl: string;
  /** The learner's personal conversation, if we have one; otherwise one is created. */
  reference?: string;
  /** Posts to this channel of the team whose stored reference `reference` is, rather than to a person (a weekly round-up). */
  channelId?: string;
  /** The language they read (a Teams locale tag); English when it is not known. */
  locale?: string | undefined;
}

export type SendOutcome =
  | { kind: 'sent'; activityId: string | undefined; reference?: string }
  /** 429: wait this long before anyone sends again. */
  | { kind: 'throttled'; retryAfterMs: number }
  /** 412, 5xx, network: try again later with backoff. */
  | { kind: 'transient'; status: number; message: string }
  /** 403: the learner blocked or removed the app; stop sending. */
  | { kind: 'blocked'; message: string }
  /** 404: the conversation no longer exists. */
  | { kind: 'stale'; message: string };

/** Sends messages to people outside of a turn; the Teams adapter implements it and chooses the card. */
export interface Messenger {
  /** `slot`, taken from the pacer beforehand for the target's conversation, carries the first request. */
  send(target: ProactiveTarget, message: OutboundMessage, slot?: Slot): Promise<SendOutcome>;
}
