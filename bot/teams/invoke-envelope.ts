import type { Activity } from 'botbuilder';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * What is wrong with an invoke's envelope, if anything. Teams always sends these invokes an object
 * value (and a card action its `action`); botbuilder and our handlers read into them unchecked, so a
 * malformed one would throw mid-turn and be answered 501 as if the bot had failed. A 400 says whose
 * mistake it was.
 */
export function malformedInvoke(activity: Partial<Activity>): string | undefined {
  switch (activity.name) {
    case 'adaptiveCard/action':
      return isObject(activity.value) && isObject(activity.value.action)
        ? undefined
        : 'An adaptiveCard/action invoke needs a value with an action.';
    case 'task/fetch':
    case 'task/submit':
    case 'composeExtension/fetchTask':
    case 'composeExtension/submitAction':
      return isObject(activity.value) ? undefined : `A ${activity.name} invoke needs a value object.`;
    default:
      return undefined;
  }
}
