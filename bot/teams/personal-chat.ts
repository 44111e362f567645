import type { Activity } from 'botbuilder';

/**
 * Whether only the sender reads what the bot answers here. Anywhere else (a channel, a group
 * chat) a form that shows the learner's goals or leads' recommendations must open privately.
 */
export function isPersonalChat(activity: Partial<Activity>): boolean {
  return activity.conversation?.conversationType === 'personal';
}
