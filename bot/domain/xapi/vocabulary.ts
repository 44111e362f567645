import type { SourceType } from '../../contract/learning-entry.js';
import type { XapiVerb } from './statement-types.js';

/**
 * Verbs and activity types from published vocabularies, so any LRS report understands them.
 * ADL's own vocabulary (http://adlnet.gov/expapi/verbs/) has experienced, shared, completed and
 * commented but no verb for rating; `rated` is the Tin Can registry's (id.tincanapi.com), the one
 * xAPI tools commonly use for it.
 */
const verb = (id: string, display: string): XapiVerb => ({ id, display: { 'en-US': display } });

export const VERBS = {
  experienced: verb('http://adlnet.gov/expapi/verbs/experienced', 'experienced'),
  shared: verb('http://adlnet.gov/expapi/verbs/shared', 'shared'),
  completed: verb('http://adlnet.gov/expapi/verbs/completed', 'completed'),
  commented: verb('http://adlnet.gov/expapi/verbs/commented', 'commented'),
  rated: verb('http://id.tincanapi.com/verb/rated', 'rated'),
  /** cmi5's verb (ADL's vocabulary) for giving something up before finishing it: a dropped action. */
  abandoned: verb('https://w3id.org/xapi/adl/verbs/abandoned', 'abandoned'),
  /** The specification's own verb for taking back a statement that was sent. */
  voided: verb('http://adlnet.gov/expapi/verbs/voided', 'voided'),
} as const;

/**
 * Each kind of source as an activity type. ADL's types where one fits (course, media, meeting,
 * performance, objective); otherwise the Activity Streams article, the xAPI Video Profile's video
 * and the Tin Can registry's book and generic resource.
 */
export const SOURCE_ACTIVITY_TYPES: Record<SourceType, string> = {
  article: 'http://activitystrea.ms/schema/1.0/article',
  video: 'https://w3id.org/xapi/video/activity-type/video',
  course: 'http://adlnet.gov/expapi/activities/course',
  podcast: 'http://adlnet.gov/expapi/activities/media',
  book: 'http://id.tincanapi.com/activitytype/book',
  mentoring: 'http://adlnet.gov/expapi/activities/meeting',
  'on-the-job': 'http://adlnet.gov/expapi/activities/performance',
  other: 'http://id.tincanapi.com/activitytype/resource',
};

export const ACTIVITY_TYPES = {
  goal: 'http://adlnet.gov/expapi/activities/objective',
  /** The action a learner planned in an entry. */
  action: 'http://adlnet.gov/expapi/activities/objective',
  followUp: 'http://id.tincanapi.com/activitytype/discussion',
  team: 'http://activitystrea.ms/schema/1.0/group',
} as const;

/** Names the app in every statement's context. */
export const PLATFORM = 'Learning Loop (Microsoft Teams)';
