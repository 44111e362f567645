import type { StorageConfig } from '../config.js';
import { ConversationStore } from '../store/conversation-store.js';
import { DueIndexStore, minuteKey } from '../store/due-index-store.js';
import { tableClients } from '../store/table-clients.js';
import { UserStore } from '../store/user-store.js';

/** The tenant the filed learners belong to. */
export const DUE_TENANT_ID = 'load-tenant';
/** Their team, whose channel conversation (at the same `serviceUrl`) reaches those the app has never written to. */
export const DUE_TEAM_ID = 'load-team';

/**
 * Files `count` learners, each with a personal conversation at `serviceUrl`, as due this
 * minute: what the scheduler finds when a whole organisation's check-in time arrives. With
 * `firstContactShare`, that share of them (every learner whose number modulo 10 is under
 * share × 10) has none yet: the app creates it as it sends (first contact).
 */
export async function fileDueLearners(
  storage: StorageConfig,
  serviceUrl: string,
  count: number,
  now = new Date(),
  options: { firstContactShare?: number } = {},
): Promise<void> {
  const tables = tableClients(storage);
  const users = new UserStore(tables.users);
  const conversations = new ConversationStore(tables.conversations);
  const dueIndex = new DueIndexStore(tables.dueIndex);
  const tenantId = DUE_TENANT_ID;
  const firstContact = (i: number) => i % 10 < Math.round((options.firstContactShare ?? 0) * 10);
  if (options.firstContactShare) {
    await conversations.save({
      tenantId,
      scope: 'channel',
      ownerId: DUE_TEAM_ID,
      conversationId: `19:${DUE_TEAM_ID}@thread.tacv2`,
      serviceUrl,
      reference: JSON.stringify({
        channelId: 'msteams',
        serviceUrl,
        conversation: { id: `19:${DUE_TEAM_ID}@thread.tacv2`, tenantId, conversationType: 'channel' },
        bot: { id: '28:learning-loop' },
      }),
      updatedAt: now.toISOString(),
    });
  }
  const one = async (i: number) => {
    const userId = `learner-${i}`;
    const conversationId = `a:learner-${i}`;
    await users.upsert({ tenantId, userId, displayName: `Learner ${i}`, teamsUserId: `29:${userId}`, updatedAt: now.toISOString() });
    if (!firstContact(i))
      await conversations.save({
        tenantId,
        scope: 'personal',
        ownerId: userId,
        conversationId,
        serviceUrl,
        reference: JSON.stringify({
          channelId: 'msteams',
          serviceUrl,
          conversation: { id: conversationId, tenantId },
          bot: { id: '28:learning-loop' },
          user: { id: `29:${userId}` },
        }),
        updatedAt: now.toISOString(),
      });
    await dueIndex.put({
      kind: 'checkin',
      minute: minuteKey(now),
      tenantId,
      userId,
      teamId: DUE_TEAM_ID,
      cycle: '2026-W48',
      dueAt: now.toISOString(),
    });
  };
  for (let i = 0; i < count; i += 50) {
    await Promise.all(Array.from({ length: Math.min(50, count - i) }, (_, k) => one(i + k)));
  }
}
