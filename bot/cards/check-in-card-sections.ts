import { GOAL_LIMITS, GOAL_STATES } from '../contract/goal-rules.js';
import { recommendationInputId } from '../domain/recommendation.js';
import { DEFAULT_VISIBILITY } from '../domain/entry-visibility.js';
import { ENTRY_VISIBILITIES, isEntryVisibility } from '../contract/entry-visibility.js';
import { formatStoredDay } from '../i18n/format.js';
import type { BotTranslator } from '../i18n/bot-messages.js';
import type { ShareChoiceValues } from '../domain/share-choice.js';
import type { OpenGoal, OpenRecommendation } from '../domain/check-in-asks.js';
import type { CardElement } from './card-types.js';
import { escapeMarkdown } from './markdown-escape.js';

/** The id of a goal's input on the check-in card, e.g. `goal.g1.state`. */
export function goalInputId(goalId: string, part: 'state' | 'note'): string {
  return `goal.${goalId}.${part}`;
}

/** The optional parts of a check-in card: open goals, recommendations to tick off, and sharing. */

export interface RecommendationsOption {
  items: OpenRecommendation[];
  /** The toggles as they were, by input id. */
  values?: Record<string, string>;
}

export interface GoalsOption {
  goals: OpenGoal[];
  /** What was typed in the goal inputs, by input id, and any problem, by goal id. */
  values?: Record<string, string>;
  errors?: Record<string, string>;
}

export interface ShareOption {
  teams: { teamId: string; name: string }[];
  values?: ShareChoiceValues;
  error?: string;
}

const SHARE_PARTS = ['insight', 'action', 'link'] as const;

/** "Recommended for you": each open recommendation with who made it, and a toggle to say it is done. */
export function recommendationsSection({ items, values = {} }: RecommendationsOption, t: BotTranslator): CardElement[] {
  return [
    { type: 'TextBlock', text: t.t('checkIn.recommended.title'), weight: 'bolder', wrap: true, separator: true, spacing: 'large' },
    ...items.flatMap((r): CardElement[] => [
      {
        type: 'TextBlock',
        text: t.t('checkIn.recommended.from', { title: escapeMarkdown(r.title), lead: escapeMarkdown(r.leadName) }),
        wrap: true,
      },
      { type: 'TextBlock', text: escapeMarkdown(r.link), isSubtle: true, wrap: true, spacing: 'none', size: 'small' },
      ...(r.note
        ? [
            {
              type: 'TextBlock' as const,
              text: t.t('common.quoted', { text: escapeMarkdown(r.note) }),
              isSubtle: true,
              wrap: true,
              spacing: 'none' as const,
            },
          ]
        : []),
      {
        type: 'Input.Toggle',
        id: recommendationInputId(r.teamId, r.recId),
        title: t.t('checkIn.recommended.done'),
        valueOn: 'true',
        valueOff: 'false',
        value: values[recommendationInputId(r.teamId, r.recId)] === 'true' ? 'true' : 'false',
        spacing: 'none',
      },
    ]),
  ];
}

/** "How are your goals going?": per open goal, a state and an optional note; both may be left blank. */
export function goalsSection({ goals, values = {}, errors = {} }: GoalsOption, t: BotTranslator): CardElement[] {
  return [
    {
      type: 'TextBlock',
      text: t.plural('checkIn.goals.title', goals.length),
      weight: 'bolder',
      wrap: true,
      separator: true,
      spacing: 'large',
    },
    ...goals.flatMap((goal): CardElement[] => [
      {
        type: 'TextBlock',
        text: t.t(goal.overdue ? 'checkIn.goals.wasDue' : 'checkIn.goals.due', {
          what: escapeMarkdown(goal.what),
          date: formatStoredDay(t.formatting, goal.targetDate),
        }),
        wrap: true,
        ...(goal.overdue ? { color: 'attention' as const } : {}),
      },
      {
        type: 'ColumnSet',
        spacing: 'none',
        columns: [
          {
            type: 'Column',
            width: 'auto',
            items: [
              {
                type: 'Input.ChoiceSet',
                id: goalInputId(goal.goalId, 'state'),
                label: t.t('checkIn.goals.progress'),
                style: 'compact',
                placeholder: t.t('checkIn.goals.progressPlaceholder'),
                value: values[goalInputId(goal.goalId, 'state')] ?? '',
                choices: GOAL_STATES.map((state) => ({ title: t.t(`goalState.${state}`), value: state })),
              },
            ],
          },
          {
            type: 'Column',
            width: 'stretch',
            items: [
              {
                type: 'Input.Text',
                id: goalInputId(goal.goalId, 'note'),
                label: t.t('checkIn.goals.note'),
                maxLength: GOAL_LIMITS.note,
                value: values[goalInputId(goal.goalId, 'note')] ?? '',
              },
            ],
          },
        ],
      },
      ...(errors[goal.goalId]
        ? [
            {
              type: 'TextBlock' as const,
              text: escapeMarkdown(errors[goal.goalId]!),
              color: 'attention' as const,
              wrap: true,
              spacing: 'none' as const,
              size: 'small' as const,
            },
          ]
        : []),
    ]),
  ];
}

/**
 * "Who can see this": only me, my leads, or my team. The team is offered only when there is a
 * team channel to share with, as choosing it is what shares; a problem with the choice shows under it.
 */
export function visibilitySection(
  { value, canShare, error }: { value: string | undefined; canShare: boolean; error: string | undefined },
  t: BotTranslator,
): CardElement[] {
  const offered = ENTRY_VISIBILITIES.filter((v) => canShare || v !== 'team');
  return [
    {
      type: 'Input.ChoiceSet',
      id: 'visibility',
      label: t.t('checkIn.visibility.label'),
      style: 'expanded',
      value: isEntryVisibility(value) && offered.includes(value) ? value : DEFAULT_VISIBILITY,
      choices: offered.map((v) => ({ title: t.t(`visibility.${v}`), value: v })),
      separator: true,
      spacing: 'large',
    },
    { type: 'TextBlock', text: t.t('checkIn.visibility.hint'), isSubtle: true, wrap: true, spacing: 'none', size: 'small' },
    ...(error
      ? [
          {
            type: 'TextBlock' as const,
            text: escapeMarkdown(error),
            color: 'attention' as const,
            wrap: true,
            spacing: 'none' as const,
            size: 'small' as const,
          },
        ]
      : []),
  ];
}

/**
 * What to share when "My team" is chosen (or always, on the share form): the team when there
 * is a choice, and the parts to show. Sharing itself is chosen in "Who can see this".
 */
export function shareSection({ teams, values = {}, error }: ShareOption, always: boolean, t: BotTranslator): CardElement[] {
  const only = teams.length === 1 ? teams[0] : undefined;
  return [
    {
      type: 'TextBlock',
      text: always
        ? only
          ? t.t('checkIn.share.withTeam', { team: escapeMarkdown(only.name) })
          : t.t('checkIn.share.withYourTeam')
        : only
          ? t.t('checkIn.share.ifTeamNamed', { team: escapeMarkdown(only.name) })
          : t.t('checkIn.share.ifTeam'),
      weight: always ? 'bolder' : 'default',
      wrap: true,
      ...(always ? { separator: true, spacing: 'large' as const } : { isSubtle: true, spacing: 'small' as const }),
    },
    ...(only
      ? []
      : [
          {
            type: 'Input.ChoiceSet' as const,
            id: 'shareTeamId',
            label: t.t('checkIn.share.teamLabel'),
            style: 'compact' as const,
            value: values.shareTeamId && teams.some((t) => t.teamId === values.shareTeamId) ? values.shareTeamId : teams[0]!.teamId,
            choices: teams.map((t) => ({ title: t.name, value: t.teamId })),
          },
        ]),
    {
      type: 'Input.ChoiceSet',
      id: 'shareParts',
      label: t.t('checkIn.share.partsLabel'),
      isMultiSelect: true,
      style: 'expanded',
      value: values.shareParts ?? 'insight,link',
      choices: SHARE_PARTS.map((part) => ({ title: t.t(`checkIn.share.part.${part}`), value: part })),
    },
    ...(error
      ? [
          {
            type: 'TextBlock' as const,
            text: escapeMarkdown(error),
            color: 'attention' as const,
            wrap: true,
            spacing: 'none' as const,
            size: 'small' as const,
          },
        ]
      : []),
  ];
}
