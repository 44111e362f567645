import {
  CHECK_IN_LIMITS,
  type CheckInErrors,
  type CheckInField,
  type CheckInValues,
} from '../domain/check-in-submission.js';
import { SOURCE_TYPE_LABELS, SOURCE_TYPES } from '../domain/learning-entry.js';
import { goalsSection, recommendationsSection, shareSection, visibilitySection, type GoalsOption, type RecommendationsOption, type ShareOption } from './check-in-card-sections.js';
import { adaptiveCard, type AdaptiveCard, type CardElement } from './card-types.js';
import { escapeMarkdown } from './markdown-escape.js';

export type { GoalsOption, RecommendationsOption, ShareOption };

export const CHECK_IN_SUBMIT_VERB = 'checkin.submit';
export const CHECK_IN_NOTHING_VERB = 'checkin.nothing';
export const CHECK_IN_SNOOZE_VERB = 'checkin.snooze';

export interface CheckInCardModel {
  /** Identifies this card instance, so a repeated submit saves one entry, not two. */
  cardId: string;
  values?: CheckInValues;
  errors?: CheckInErrors;
  /** A problem on our side (e.g. storage briefly unavailable): the learner's answers stay on the card. */
  notice?: string;
  /** Set on scheduled check-ins: the cycle this card answers, and whether it is the reminder. */
  cycle?: string;
  reminder?: boolean;
  /** The action the learner planned last time, to ask what came of it. */
  previous?: { entryId: string; createdAt: string; action: string };
  /** Offered when the learner has a team to share with: the teams, what they chose, and any problem with it. */
  share?: ShareOption;
  /** The learner's open goals, asked about on every check-in. */
  goals?: GoalsOption;
  /** What their leads recommended and they have not yet done, to tick off. */
  recommendations?: RecommendationsOption;
  /** A check-in (the default); a form that only shares; or an entry pre-filled from a message. */
  purpose?: 'check-in' | 'share' | 'save-message';
}

const RATING_CHOICES = [
  { title: '1 – Not useful', value: '1' },
  { title: '2 – A little useful', value: '2' },
  { title: '3 – Useful', value: '3' },
  { title: '4 – Very useful', value: '4' },
  { title: '5 – Extremely useful', value: '5' },
];

export function checkInCard({ cardId, values = {}, errors = {}, notice, cycle, reminder = false, previous, share, goals, recommendations, purpose = 'check-in' }: CheckInCardModel): AdaptiveCard {
  const sharing = purpose === 'share';
  const problems = [...Object.values(errors), ...Object.values(goals?.errors ?? {}), share?.error].filter((m): m is string => Boolean(m));
  // `entered` echoes a value the input itself cannot hold (letters in a number box), so nothing typed is lost.
  const fieldError = (field: CheckInField, entered?: string): CardElement[] => {
    const message = errors[field];
    if (!message) return [];
    const text = entered?.trim() ? `${message} (you entered “${entered.trim()}”)` : message;
    return [{ type: 'TextBlock', text: escapeMarkdown(text), color: 'attention', wrap: true, spacing: 'none', size: 'small' }];
  };
  const minutes = values.minutes !== undefined && /^\d+$/.test(values.minutes.trim()) ? Number(values.minutes) : undefined;

  return adaptiveCard(
    [
      {
        type: 'TextBlock',
        text: sharing
          ? 'Share a learning with your team'
          : purpose === 'save-message'
            ? 'Save as learning'
            : reminder
              ? 'A gentle reminder: your check-in'
              : cycle
                ? 'Time for your check-in'
                : 'Log your learning',
        size: 'large',
        weight: 'bolder',
        wrap: true,
        style: 'heading',
      },
      {
        type: 'TextBlock',
        text: sharing
          ? 'It goes to your team’s learning channel with your name on it, and into your own learning log.'
          : purpose === 'save-message'
            ? 'We filled in what we could from the message. Complete it and save it to your learning log.'
            : cycle
              ? 'What did you pick up since last time? A minute now makes it stick. Nothing this week is an honest answer too.'
              : 'What did you pick up lately? A minute now makes it stick.',
        isSubtle: true,
        wrap: true,
        spacing: 'none',
      },
      ...(notice
        ? [
            {
              type: 'Container' as const,
              style: 'warning',
              items: [{ type: 'TextBlock' as const, text: escapeMarkdown(notice), wrap: true, weight: 'bolder' as const }],
            },
          ]
        : []),
      ...(problems.length > 0
        ? [
            {
              type: 'Container' as const,
              style: 'attention',
              items: [
                {
                  type: 'TextBlock' as const,
                  text: problems.length === 1 ? 'Please fix this before saving:' : `Please fix these ${problems.length} things before saving:`,
                  weight: 'bolder' as const,
                  wrap: true,
                },
                ...problems.map((p) => ({ type: 'TextBlock' as const, text: escapeMarkdown(p), wrap: true, spacing: 'none' as const })),
              ],
            },
          ]
        : []),
      ...(previous
        ? [
            {
              type: 'Container' as const,
              style: 'emphasis',
              items: [
                { type: 'TextBlock' as const, text: `Last time you planned: “${escapeMarkdown(previous.action)}”`, wrap: true, weight: 'bolder' as const },
                {
                  type: 'Input.Text' as const,
                  id: 'result',
                  label: 'What came of it?',
                  isMultiline: true,
                  placeholder: 'Did you do it? What changed?',
                  maxLength: CHECK_IN_LIMITS.result,
                  value: values.result ?? '',
                },
                ...fieldError('result'),
              ],
            },
          ]
        : []),
      {
        type: 'Input.Text',
        id: 'what',
        label: 'What did you learn?',
        isRequired: true,
        errorMessage: 'Tell us what you learned',
        placeholder: 'e.g. How to write a good pull request description',
        maxLength: CHECK_IN_LIMITS.what,
        value: values.what ?? '',
      },
      ...fieldError('what'),
      {
        type: 'Input.ChoiceSet',
        id: 'sourceType',
        label: 'What kind of source?',
        style: 'compact',
        isRequired: true,
        errorMessage: 'Choose a kind of source',
        value: values.sourceType && (SOURCE_TYPES as readonly string[]).includes(values.sourceType) ? values.sourceType : 'article',
        choices: SOURCE_TYPES.map((t) => ({ title: SOURCE_TYPE_LABELS[t], value: t })),
      },
      ...fieldError('sourceType'),
      {
        type: 'Input.Text',
        id: 'link',
        label: 'Link (optional)',
        style: 'url',
        placeholder: 'https://…',
        maxLength: CHECK_IN_LIMITS.link,
        value: values.link ?? '',
      },
      ...fieldError('link'),
      {
        type: 'ColumnSet',
        columns: [
          {
            type: 'Column',
            width: 'stretch',
            items: [
              {
                type: 'Input.Number',
                id: 'minutes',
                label: 'Minutes spent',
                placeholder: 'e.g. 20',
                min: CHECK_IN_LIMITS.minutesMin,
                max: CHECK_IN_LIMITS.minutesMax,
                ...(minutes !== undefined ? { value: minutes } : {}),
              },
              ...fieldError('minutes', values.minutes !== undefined && minutes === undefined ? values.minutes : undefined),
            ],
          },
          {
            type: 'Column',
            width: 'stretch',
            items: [
              {
                type: 'Input.ChoiceSet',
                id: 'rating',
                label: 'How useful was it?',
                style: 'compact',
                placeholder: 'Choose 1–5',
                value: values.rating ?? '',
                choices: RATING_CHOICES,
              },
              ...fieldError('rating'),
            ],
          },
        ],
      },
      {
        type: 'Input.Text',
        id: 'insight',
        label: 'Key insight',
        isMultiline: true,
        placeholder: 'The one thing worth remembering',
        maxLength: CHECK_IN_LIMITS.insight,
        value: values.insight ?? '',
      },
      ...fieldError('insight'),
      {
        type: 'Input.Text',
        id: 'action',
        label: 'What will you do with it?',
        placeholder: 'An action you will take',
        maxLength: CHECK_IN_LIMITS.action,
        value: values.action ?? '',
      },
      ...fieldError('action'),
      ...(goals && goals.goals.length > 0 && purpose === 'check-in' ? goalsSection(goals) : []),
      ...(recommendations && recommendations.items.length > 0 && purpose === 'check-in' ? recommendationsSection(recommendations) : []),
      // The share form always shares, so it does not ask who can see the entry.
      ...(sharing ? [] : visibilitySection({ value: values.visibility ?? share?.values?.visibility, canShare: Boolean(share && share.teams.length > 0), error: errors.visibility })),
      ...(share && share.teams.length > 0 ? shareSection(share, sharing) : []),
      ...(sharing && (!share || share.teams.length === 0)
        ? [{ type: 'TextBlock' as const, text: 'You are not in a team with a learning channel yet, so there is nowhere to share this.', color: 'attention' as const, wrap: true }]
        : []),
    ],
    [
      {
        type: 'Action.Execute',
        id: 'save',
        title: sharing ? 'Share' : 'Save',
        verb: CHECK_IN_SUBMIT_VERB,
        style: 'positive',
        associatedInputs: 'auto',
        data: {
          cardId,
          ...(cycle ? { cycle } : {}),
          ...(share?.teams.length === 1 ? { shareTeamId: share.teams[0]!.teamId } : {}),
          ...(sharing ? { purpose } : {}),
          ...(previous ? { previousEntryId: previous.entryId, previousCreatedAt: previous.createdAt, previousAction: previous.action } : {}),
        },
      },
      ...(cycle
        ? [
            {
              type: 'Action.Execute' as const,
              id: 'nothing',
              title: 'Nothing this week',
              verb: CHECK_IN_NOTHING_VERB,
              associatedInputs: 'none' as const,
              data: { cardId, cycle },
            },
            {
              type: 'Action.Execute' as const,
              id: 'snooze',
              title: 'Remind me tomorrow',
              verb: CHECK_IN_SNOOZE_VERB,
              associatedInputs: 'none' as const,
              data: { cardId, cycle },
            },
          ]
        : []),
    ],
  );
}
