import { GOAL_LIMITS, GOAL_STATES, GOAL_STATE_LABELS, goalInputId } from '../domain/goal.js';
import { recommendationInputId } from '../domain/recommendation.js';
import { DEFAULT_VISIBILITY, ENTRY_VISIBILITIES, VISIBILITY_CHOICE_LABELS, isEntryVisibility } from '../domain/entry-visibility.js';
import type { ShareChoiceValues } from '../domain/share-choice.js';
import type { CardElement } from './card-types.js';
import { escapeMarkdown } from './markdown-escape.js';

/** The optional parts of a check-in card: open goals, recommendations to tick off, and sharing. */

export interface RecommendationsOption {
  items: { teamId: string; recId: string; title: string; link: string; leadName: string; note: string | null }[];
  /** The toggles as they were, by input id. */
  values?: Record<string, string>;
}

export interface GoalsOption {
  goals: { goalId: string; what: string; targetDate: string; overdue: boolean }[];
  /** What was typed in the goal inputs, by input id, and any problem, by goal id. */
  values?: Record<string, string>;
  errors?: Record<string, string>;
}

export interface ShareOption {
  teams: { teamId: string; name: string }[];
  values?: ShareChoiceValues;
  error?: string;
}

const SHARE_PART_CHOICES = [
  { title: 'My key insight', value: 'insight' },
  { title: 'What I will do with it', value: 'action' },
  { title: 'The link', value: 'link' },
];


/** "Recommended for you": each open recommendation with who made it, and a toggle to say it is done. */
export function recommendationsSection({ items, values = {} }: RecommendationsOption): CardElement[] {
  return [
    { type: 'TextBlock', text: 'Recommended for you', weight: 'bolder', wrap: true, separator: true, spacing: 'large' },
    ...items.flatMap((r): CardElement[] => [
      { type: 'TextBlock', text: `${escapeMarkdown(r.title)} — from ${escapeMarkdown(r.leadName)}`, wrap: true },
      { type: 'TextBlock', text: escapeMarkdown(r.link), isSubtle: true, wrap: true, spacing: 'none', size: 'small' },
      ...(r.note ? [{ type: 'TextBlock' as const, text: `“${escapeMarkdown(r.note)}”`, isSubtle: true, wrap: true, spacing: 'none' as const }] : []),
      {
        type: 'Input.Toggle',
        id: recommendationInputId(r.teamId, r.recId),
        title: 'I did this',
        valueOn: 'true',
        valueOff: 'false',
        value: values[recommendationInputId(r.teamId, r.recId)] === 'true' ? 'true' : 'false',
        spacing: 'none',
      },
    ]),
  ];
}

/** "How are your goals going?": per open goal, a state and an optional note; both may be left blank. */
export function goalsSection({ goals, values = {}, errors = {} }: GoalsOption): CardElement[] {
  return [
    { type: 'TextBlock', text: goals.length === 1 ? 'How is your goal going?' : 'How are your goals going?', weight: 'bolder', wrap: true, separator: true, spacing: 'large' },
    ...goals.flatMap((goal): CardElement[] => [
      {
        type: 'TextBlock',
        text: `${escapeMarkdown(goal.what)} — ${goal.overdue ? 'was due' : 'due'} ${goal.targetDate}`,
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
                label: 'Progress',
                style: 'compact',
                placeholder: 'How is it going?',
                value: values[goalInputId(goal.goalId, 'state')] ?? '',
                choices: GOAL_STATES.map((state) => ({ title: GOAL_STATE_LABELS[state], value: state })),
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
                label: 'Note (optional)',
                maxLength: GOAL_LIMITS.note,
                value: values[goalInputId(goal.goalId, 'note')] ?? '',
              },
            ],
          },
        ],
      },
      ...(errors[goal.goalId]
        ? [{ type: 'TextBlock' as const, text: escapeMarkdown(errors[goal.goalId]!), color: 'attention' as const, wrap: true, spacing: 'none' as const, size: 'small' as const }]
        : []),
    ]),
  ];
}

/**
 * "Who can see this": only me, my leads, or my team. The team is offered only when there is a
 * team channel to share with, as choosing it is what shares; a problem with the choice shows under it.
 */
export function visibilitySection({ value, canShare, error }: { value: string | undefined; canShare: boolean; error: string | undefined }): CardElement[] {
  const offered = ENTRY_VISIBILITIES.filter((v) => canShare || v !== 'team');
  return [
    {
      type: 'Input.ChoiceSet',
      id: 'visibility',
      label: 'Who can see this?',
      style: 'expanded',
      value: isEntryVisibility(value) && offered.includes(value) ? value : DEFAULT_VISIBILITY,
      choices: offered.map((v) => ({ title: VISIBILITY_CHOICE_LABELS[v], value: v })),
      separator: true,
      spacing: 'large',
    },
    ...(error ? [{ type: 'TextBlock' as const, text: escapeMarkdown(error), color: 'attention' as const, wrap: true, spacing: 'none' as const, size: 'small' as const }] : []),
  ];
}

/**
 * What to share when "My team" is chosen (or always, on the share form): the team when there
 * is a choice, and the parts to show. Sharing itself is chosen in "Who can see this".
 */
export function shareSection({ teams, values = {}, error }: ShareOption, always: boolean): CardElement[] {
  const only = teams.length === 1 ? teams[0] : undefined;
  return [
    {
      type: 'TextBlock',
      text: always
        ? only ? `Sharing with ${escapeMarkdown(only.name)}` : 'Sharing with your team'
        : only ? `If you choose My team, it is shared in ${escapeMarkdown(only.name)}’s learning channel` : 'If you choose My team, it is shared in its learning channel',
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
            label: 'Share with',
            style: 'compact' as const,
            value: values.shareTeamId && teams.some((t) => t.teamId === values.shareTeamId) ? values.shareTeamId : teams[0]!.teamId,
            choices: teams.map((t) => ({ title: t.name, value: t.teamId })),
          },
        ]),
    {
      type: 'Input.ChoiceSet',
      id: 'shareParts',
      label: 'Besides what you learned, its kind and your rating, also share',
      isMultiSelect: true,
      style: 'expanded',
      value: values.shareParts ?? 'insight,link',
      choices: SHARE_PART_CHOICES,
    },
    ...(error ? [{ type: 'TextBlock' as const, text: escapeMarkdown(error), color: 'attention' as const, wrap: true, spacing: 'none' as const, size: 'small' as const }] : []),
  ];
}
