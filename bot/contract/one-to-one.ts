import { z } from 'zod';
import { coachingText } from './coaching-rules.js';

/**
 * The 1:1 list a lead and one member of their team keep together: what to discuss at their next
 * one-to-one. Its API shapes and the rules the tab checks too.
 *
 * GET  /api/v1/me/one-to-ones                                         → { lists }: one per lead of each team the caller is in
 * GET  /api/v1/teams/:teamId/one-to-ones/:leadId/:memberId            → { list }
 * POST /api/v1/teams/:teamId/one-to-ones/:leadId/:memberId/items      { topic } | { entryId } | { goalId } | { resultOf } → 201 { item }
 * PUT  /api/v1/teams/:teamId/one-to-ones/:leadId/:memberId/items/:itemId/ticked → { item }
 */

/** A topic either of them types. */
export const ONE_TO_ONE_TOPIC_MAX = 280;
/** How long an item ticked off stays on the list (collapsed), in days. */
export const ONE_TO_ONE_TICKED_DAYS = 90;
/** Open items one list holds at most: a list is for the next few meetings, and is read whole. */
export const ONE_TO_ONE_OPEN_MAX = 100;

/** What an item is: a topic typed in, or something of the member's put on the list with "Discuss at our 1:1". */
export const ONE_TO_ONE_KINDS = ['topic', 'entry', 'goal', 'result'] as const;
export type OneToOneKind = (typeof ONE_TO_ONE_KINDS)[number];

export interface OneToOnePerson {
  userId: string;
  displayName: string;
}

export interface OneToOneItem {
  itemId: string;
  kind: OneToOneKind;
  /** The entry or goal it points at; null for a topic. */
  refId: string | null;
  /** The topic, or what the entry, goal or result read when it was put on the list. */
  text: string;
  addedBy: OneToOnePerson;
  addedAt: string;
  ticked: { by: OneToOnePerson; at: string } | null;
}

/** One pair's list: open items oldest first, then those ticked in the last 90 days, newest tick first. */
export interface OneToOneListView {
  teamId: string;
  teamName: string;
  lead: OneToOnePerson;
  member: OneToOnePerson;
  items: OneToOneItem[];
}

export interface MyOneToOnesResponse {
  lists: OneToOneListView[];
}

export interface OneToOneListResponse {
  list: OneToOneListView;
}

export interface OneToOneItemResponse {
  item: OneToOneItem;
}

const id = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'is not an id');

/** What "Discuss at our 1:1" or the topic box sends: exactly one of the four. */
export const oneToOneItemBody = z
  .strictObject({
    topic: coachingText('The topic', ONE_TO_ONE_TOPIC_MAX).optional(),
    entryId: id.optional(),
    goalId: id.optional(),
    resultOf: id.optional(),
  })
  .refine((b) => [b.topic, b.entryId, b.goalId, b.resultOf].filter((v) => v !== undefined).length === 1, {
    message: 'Send exactly one of topic, entryId, goalId or resultOf',
  })
  .transform((b): OneToOneItemInput => {
    if (b.topic !== undefined) return { topic: b.topic };
    if (b.entryId !== undefined) return { entryId: b.entryId };
    if (b.goalId !== undefined) return { goalId: b.goalId };
    return { resultOf: b.resultOf! };
  });

export type OneToOneItemInput = { topic: string } | { entryId: string } | { goalId: string } | { resultOf: string };
