import { sharablePartsOf } from '../domain/share-prompt.js';
import type { SharePart } from '../domain/share.js';
import type { BotTranslator } from '../i18n/bot-messages.js';
import { adaptiveCard, type AdaptiveCard, type CardAction, type CardElement } from './card-types.js';
import { escapeMarkdown } from './markdown-escape.js';

/** Share or Not now, on a confirmation card's offer or on a lead's request. */
export const SHARE_PROMPT_VERB = 'sharePrompt.answer';

/** What a confirmation card offers to share (see SharePromptService.offerAfterSave). */
export interface SharePromptModel {
  entryId: string;
  reason: 'rated' | 'goal';
  teams: ReadonlyArray<{ teamId: string; name: string }>;
  parts: readonly SharePart[];
}

/** The offer on a confirmation card: its words and inputs go in the body, its buttons first among the card's actions. */
export function sharePromptBody({ reason, teams, parts }: SharePromptModel, t: BotTranslator): CardElement[] {
  return [
    {
      type: 'TextBlock',
      text: t.t('sharePrompt.title'),
      weight: 'bolder',
      wrap: true,
      separator: true,
      spacing: 'large',
    },
    { type: 'TextBlock', text: t.t(reason === 'goal' ? 'sharePrompt.whyGoal' : 'sharePrompt.why'), wrap: true, spacing: 'none' },
    ...(teams.length > 1
      ? [
          {
            type: 'Input.ChoiceSet' as const,
            id: 'shareTeamId',
            label: t.t('checkIn.share.teamLabel'),
            style: 'compact' as const,
            value: teams[0]!.teamId,
            choices: teams.map((team) => ({ title: team.name, value: team.teamId })),
          },
        ]
      : []),
    ...partsInput(parts, t),
  ];
}

export function sharePromptActions({ entryId, teams }: SharePromptModel, t: BotTranslator): CardAction[] {
  // One team: it rides on the button, as there is nothing to choose.
  return answerButtons(teams.length === 1 ? { entryId, shareTeamId: teams[0]!.teamId } : { entryId }, t);
}

export interface AskToShareModel {
  leadId: string;
  leadName: string;
  teamId: string;
  teamName: string;
  entry: { entryId: string; what: string; insight: string | null; action: string | null; link: string | null };
}

/** A lead's request, in the learner's personal chat: the entry, the parts to share, Share and Not now. */
export function askToShareCard({ leadId, leadName, teamId, teamName, entry }: AskToShareModel, t: BotTranslator): AdaptiveCard {
  return adaptiveCard(
    t,
    [
      {
        type: 'TextBlock',
        text: t.t('sharePrompt.asked.title', { lead: escapeMarkdown(leadName), team: escapeMarkdown(teamName) }),
        size: 'medium',
        weight: 'bolder',
        wrap: true,
        style: 'heading',
      },
      { type: 'TextBlock', text: t.t('sharePrompt.asked.about', { what: escapeMarkdown(entry.what) }), wrap: true },
      ...partsInput(sharablePartsOf(entry), t),
    ],
    answerButtons({ entryId: entry.entryId, teamId, leadId }, t),
  );
}

export type SharePromptAnsweredModel =
  | { status: 'shared'; teamName: string }
  /** `quiet`: this "not now" started a month without offers. */
  | { status: 'not-now'; quiet: boolean };

/** The card once answered. */
export function sharePromptAnsweredCard(answered: SharePromptAnsweredModel, t: BotTranslator): AdaptiveCard {
  const text =
    answered.status === 'shared'
      ? t.t('sharePrompt.sharedIn', { team: escapeMarkdown(answered.teamName) })
      : t.t(answered.quiet ? 'sharePrompt.quiet' : 'sharePrompt.notNowNoted');
  return adaptiveCard(t, [
    { type: 'TextBlock', text, weight: 'bolder', color: answered.status === 'shared' ? 'good' : 'default', wrap: true },
  ]);
}

function partsInput(parts: readonly SharePart[], t: BotTranslator): CardElement[] {
  if (parts.length === 0) return [];
  return [
    {
      type: 'Input.ChoiceSet',
      id: 'shareParts',
      label: t.t('checkIn.share.partsLabel'),
      isMultiSelect: true,
      style: 'expanded',
      value: parts.join(','),
      choices: parts.map((part) => ({ title: t.t(`checkIn.share.part.${part}`), value: part })),
    },
  ];
}

function answerButtons(data: Record<string, string>, t: BotTranslator): CardAction[] {
  return [
    {
      type: 'Action.Execute',
      id: 'share-prompt-share',
      title: t.t('sharePrompt.share'),
      verb: SHARE_PROMPT_VERB,
      style: 'positive',
      associatedInputs: 'auto',
      data: { ...data, answer: 'share' },
    },
    {
      type: 'Action.Execute',
      id: 'share-prompt-not-now',
      title: t.t('sharePrompt.notNow'),
      verb: SHARE_PROMPT_VERB,
      associatedInputs: 'none',
      data: { ...data, answer: 'notNow' },
    },
  ];
}
