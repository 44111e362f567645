import type { Activity, ChannelAccount } from 'botbuilder';
import type { SeenPerson } from '../services/people-service.js';

/** The tenant an activity came from; Teams puts it on the conversation and in channelData. */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  const fromChannel = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  return activity.conversation?.tenantId ?? (typeof fromChannel === 'string' ? fromChannel : undefined);
}

/** Who sent an activity, keyed by Entra object id where Teams gives one. */
export function senderOf(activity: Partial<Activity>): SeenPerson | undefined {
  const tenantId = tenantOf(activity);
  if (!tenantId || !activity.from) return undefined;
  return personFrom(tenantId, activity.from, activity);
}

export function personFrom(tenantId: string, account: ChannelAccount, activity?: Partial<Activity>): SeenPerson | undefined {
  const userId = account.aadObjectId ?? account.id;
  if (!userId) return undefined;
  const timeZone = activity?.localTimezone ?? clientTimeZone(activity);
  return {
    tenantId,
    userId,
    displayName: account.name ?? 'Someone',
    teamsUserId: account.id,
    ...(activity?.locale ? { locale: activity.locale } : {}),
    ...(timeZone ? { timeZone } : {}),
  };
}

function clientTimeZone(activity?: Partial<Activity>): string | undefined {
  const clientInfo = activity?.entities?.find((e) => e.type === 'clientInfo') as { timezone?: unknown } | undefined;
  return typeof clientInfo?.timezone === 'string' ? clientInfo.timezone : undefined;
}
