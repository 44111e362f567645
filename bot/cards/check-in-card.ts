import { RATING_SCALE } from '../contract/check-in-rules.js';
import { CHECK_IN_LIMITS, type CheckInErrors, type CheckInField, type CheckInValues } from '../domain/check-in-submission.js';
import { SOURCE_TYPES } from '../contract/learning-entry.js';
import type { BotTranslator } from '../i18n/bot-messages.js';
import { awaitingSection } from './check-in-card-actions.js';
import type { AskedAction } from '../domain/action-answers.js';
import {
  goalsSection,
  recommendationsSection,
  shareSection,
  visibilitySection,
  type GoalsOption,
  type RecommendationsOption,
  type ShareOption,
} from './check-in-card-sections.js';
import { adaptiveCard, type AdaptiveCard, type CardElement } from './card-types.js';
import { escapeMarkdown } from './markdown-escape.js';

/** The minutes the placeholder suggests: a short read, formatted for the reader. */
const MINUTES_EXAMPLE = 20;

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
  /** The learner's actions still awaiting a result (at most three, oldest first), each with what they answered if shown again. */
  awaiting?: AskedAction[];
  /** Offered when the learner has a team to share with: the teams, what they chose, and any problem with it. */
  share?: ShareOption;
  /** The learner's open goals, asked about on every check-in. */
  goals?: GoalsOption;
  /** What their leads recommended and they have not yet done, to tick off. */
  recommendations?: RecommendationsOption;
  /** A check-in (the default); a form that only shares; or an entry pre-filled from a message. */
  purpose?: 'check-in' | 'share' | 'save-message';
}

const RATINGS = ['1', '2', '3', '4', '5'] as const;

export function checkInCard(
  {
    cardId,
    values = {},
    errors = {},
    notice,
    cycle,
    reminder = false,
    awaiting = [],
    share,
    goals,
    recommendations,
    purpose = 'check-in',
  }: CheckInCardModel,
  t: BotTranslator,
): AdaptiveCard {
  const sharing = purpose === 'share';
  const problems = [...Object.values(errors), ...Object.values(goals?.errors ?? {}), share?.error].filter((m): m is string => Boolean(m));
  // `entered` echoes a value the input itself cannot hold (letters in a number box), so nothing typed is lost.
  const fieldError = (field: CheckInField, entered?: string): CardElement[] => {
    const message = errors[field];
    if (!message) return [];
    const text = entered?.trim() ? t.t('checkIn.youEntered', { message, entered: entered.trim() }) : message;
    return [{ type: 'TextBlock', text: escapeMarkdown(text), color: 'attention', wrap: true, spacing: 'none', size: 'small' }];
  };
  const minutes = values.minutes !== undefined && /^\d+$/.test(values.minutes.trim()) ? Number(values.minutes) : undefined;

  return adaptiveCard(
    t,
    [
      {
        type: 'TextBlock',
        text: sharing
          ? t.t('checkIn.title.share')
          : purpose === 'save-message'
            ? t.t('checkIn.title.saveMessage')
            : reminder
              ? t.t('checkIn.title.reminder')
              : cycle
                ? t.t('checkIn.title.scheduled')
                : t.t('checkIn.title.log'),
        size: 'large',
        weight: 'bolder',
        wrap: true,
        style: 'heading',
      },
      {
        type: 'TextBlock',
        text: sharing
          ? t.t('checkIn.intro.share')
          : purpose === 'save-message'
            ? t.t('checkIn.intro.saveMessage')
            : cycle
              ? t.t('checkIn.intro.scheduled')
              : t.t('checkIn.intro.log'),
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
                  text: t.plural('common.fix', problems.length),
                  weight: 'bolder' as const,
                  wrap: true,
                },
                ...problems.map((p) => ({ type: 'TextBlock' as const, text: escapeMarkdown(p), wrap: true, spacing: 'none' as const })),
              ],
            },
          ]
        : []),
      ...(awaiting.length > 0 ? awaitingSection(awaiting, t, fieldError('result')) : []),
      {
        type: 'Input.Text',
        id: 'what',
        label: t.t('checkIn.what.label'),
        isRequired: true,
        errorMessage: t.t('checkIn.what.required'),
        placeholder: t.t('checkIn.what.placeholder'),
        maxLength: CHECK_IN_LIMITS.what,
        value: values.what ?? '',
      },
      ...fieldError('what'),
      {
        type: 'Input.ChoiceSet',
        id: 'sourceType',
        label: t.t('checkIn.sourceType.label'),
        style: 'compact',
        isRequired: true,
        errorMessage: t.t('checkIn.sourceType.required'),
        value: values.sourceType && (SOURCE_TYPES as readonly string[]).includes(values.sourceType) ? values.sourceType : 'article',
        choices: SOURCE_TYPES.map((type) => ({ title: t.t(`sourceType.${type}`), value: type })),
      },
      ...fieldError('sourceType'),
      {
        type: 'Input.Text',
        id: 'link',
        label: t.t('checkIn.link.label'),
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
                label: t.t('checkIn.minutes.label'),
                placeholder: t.t('checkIn.minutes.placeholder', { example: MINUTES_EXAMPLE }),
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
                label: t.t('checkIn.rating.label'),
                style: 'compact',
                placeholder: t.t('checkIn.rating.placeholder', RATING_SCALE),
                value: values.rating ?? '',
                choices: RATINGS.map((rating) => ({ title: t.t(`checkIn.rating.${rating}`, { rating: Number(rating) }), value: rating })),
              },
              ...fieldError('rating'),
            ],
          },
        ],
      },
      {
        type: 'Input.Text',
        id: 'insight',
        label: t.t('checkIn.insight.label'),
        isMultiline: true,
        placeholder: t.t('checkIn.insight.placeholder'),
        maxLength: CHECK_IN_LIMITS.insight,
        value: values.insight ?? '',
      },
      ...fieldError('insight'),
      {
        type: 'Input.Text',
        id: 'action',
        label: t.t('checkIn.action.label'),
        placeholder: t.t('checkIn.action.placeholder'),
        maxLength: CHECK_IN_LIMITS.action,
        value: values.action ?? '',
      },
      ...fieldError('action'),
      ...(goals && goals.goals.length > 0 && purpose === 'check-in' ? goalsSection(goals, t) : []),
      ...(recommendations && recommendations.items.length > 0 && purpose === 'check-in' ? recommendationsSection(recommendations, t) : []),
      // The share form always shares, so it does not ask who can see the entry.
      ...(sharing
        ? []
        : visibilitySection(
            {
              value: values.visibility ?? share?.values?.visibility,
              canShare: Boolean(share && share.teams.length > 0),
              error: errors.visibility,
            },
            t,
          )),
      ...(share && share.teams.length > 0 ? shareSection(share, sharing, t) : []),
      ...(sharing && (!share || share.teams.length === 0)
        ? [{ type: 'TextBlock' as const, text: t.t('checkIn.noTeamToShare'), color: 'attention' as const, wrap: true }]
        : []),
    ],
    [
      {
        type: 'Action.Execute',
        id: 'save',
        title: t.t(sharing ? 'common.share' : 'common.save'),
        verb: CHECK_IN_SUBMIT_VERB,
        style: 'positive',
        associatedInputs: 'auto',
        data: {
          cardId,
          ...(cycle ? { cycle } : {}),
          ...(share?.teams.length === 1 ? { shareTeamId: share.teams[0]!.teamId } : {}),
          ...(sharing ? { purpose } : {}),
          ...(awaiting.length > 0 ? { asked: awaiting.map(({ entryId, createdAt, action }) => ({ entryId, createdAt, action })) } : {}),
        },
      },
      ...(cycle
        ? [
            {
              type: 'Action.Execute' as const,
              id: 'nothing',
              title: t.t('checkIn.nothing'),
              verb: CHECK_IN_NOTHING_VERB,
              associatedInputs: 'none' as const,
              data: { cardId, cycle },
            },
            {
              type: 'Action.Execute' as const,
              id: 'snooze',
              title: t.t('checkIn.snooze'),
              verb: CHECK_IN_SNOOZE_VERB,
              associatedInputs: 'none' as const,
              data: { cardId, cycle },
            },
          ]
        : []),
    ],
  );
}
