import { randomUUID } from 'node:crypto';
import { DEMO_PEOPLE, DEMO_TENANT_ID } from '../demo/demo-team.js';

const alex = DEMO_PEOPLE[0]!;

export interface ActivityOptions {
  serviceUrl: string;
  tenantId?: string;
  from?: { id: string; aadObjectId?: string; name?: string };
  conversationId?: string;
}

function base(o: ActivityOptions) {
  const tenantId = o.tenantId ?? DEMO_TENANT_ID;
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: o.serviceUrl,
    timestamp: new Date().toISOString(),
    locale: 'en-US',
    from: o.from ?? { id: alex.teamsUserId, aadObjectId: alex.userId, name: alex.displayName },
    recipient: { id: '28:learning-loop', name: 'Learning Loop' },
    conversation: { id: o.conversationId ?? `a:personal-${tenantId}`, conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
  };
}

/** A personal-chat message as Teams delivers it to the bot. */
export function messageActivity(text: string, o: ActivityOptions) {
  return { ...base(o), type: 'message', text };
}

/** An `Action.Execute` press: the verb, the card's data and its inputs, merged as Teams does. */
export function cardActionActivity(verb: string, data: Record<string, unknown>, o: ActivityOptions) {
  return {
    ...base(o),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data } },
  };
}

/** The same activities, from a team's channel. */
export function inTeamChannel<T extends { conversation: object; channelData: object }>(
  activity: T,
  team: { id: string; name: string },
  channelId = team.id,
): T {
  return {
    ...activity,
    conversation: { ...activity.conversation, id: channelId, conversationType: 'channel' },
    channelData: { ...activity.channelData, team, channel: { id: channelId } },
  };
}

export function installActivity(o: ActivityOptions) {
  return { ...base(o), type: 'installationUpdate', action: 'add' };
}

export function membersAddedActivity(members: Array<{ id: string; aadObjectId: string; name: string }>, o: ActivityOptions) {
  return { ...base(o), type: 'conversationUpdate', membersAdded: members };
}

export function membersRemovedActivity(members: Array<{ id: string; aadObjectId: string; name: string }>, o: ActivityOptions) {
  return { ...base(o), type: 'conversationUpdate', membersRemoved: members };
}
