import { TurnContext, type Activity } from 'botbuilder';
import type { ConversationRecord } from '../store/conversation-store.js';
import { tenantOf } from './activity-people.js';

/** Turns the conversation an activity came from into the record we keep to message it later. */
export function conversationRecordOf(activity: Partial<Activity>): Omit<ConversationRecord, 'updatedAt'> | undefined {
  const tenantId = tenantOf(activity);
  const conversation = activity.conversation;
  if (!tenantId || !conversation?.id || !activity.serviceUrl) return undefined;
  const reference = JSON.stringify(TurnContext.getConversationReference(activity));
  const teamId = (activity.channelData as { team?: { id?: unknown } } | undefined)?.team?.id;
  if (conversation.conversationType === 'channel' && typeof teamId === 'string') {
    return { tenantId, scope: 'channel', ownerId: teamId, conversationId: conversation.id, serviceUrl: activity.serviceUrl, reference };
  }
  if (conversation.conversationType === 'groupChat') {
    return {
      tenantId,
      scope: 'groupChat',
      ownerId: conversation.id,
      conversationId: conversation.id,
      serviceUrl: activity.serviceUrl,
      reference,
    };
  }
  const userId = activity.from?.aadObjectId ?? activity.from?.id;
  if (!userId) return undefined;
  return { tenantId, scope: 'personal', ownerId: userId, conversationId: conversation.id, serviceUrl: activity.serviceUrl, reference };
}
