import { numberFormat } from '../contract/i18n/intl-cache.js';
import { RATING_SCALE, isHttpUrl } from '../contract/check-in-rules.js';
import type { BotTranslator } from '../i18n/bot-messages.js';
import { averageRating, type Share } from '../domain/share.js';
import type { MyShareVote } from '../contract/share-view.js';
import { adaptiveCard, type AdaptiveCard, type CardAction, type CardElement } from './card-types.js';
import { escapeMarkdown } from './markdown-escape.js';

export const SHARE_HELPFUL_VERB = 'share.helpful';
export const SHARE_SAVE_VERB = 'share.save';
export const SHARE_RATE_VERB = 'share.rate';
export const SHARE_REFRESH_VERB = 'share.refresh';

/** Teams' older clients dropped cards near 28 KB; a share card never comes close (tested). */
export const SHARE_CARD_MAX_BYTES = 28 * 1024;

export interface ShareCardModel {
  share: Share;
  /** The person looking, after a refresh or their own click: their marks are shown to them. */
  mine?: MyShareVote;
  /** A line for the person who just acted (e.g. why a click did nothing). */
  notice?: string;
}

const RATINGS = ['1', '2', '3', '4', '5'] as const;

/** A learning share as the channel sees it: attributed, escaped, with live counts and the buttons to add to them. */
export function shareCard({ share, mine, notice }: ShareCardModel, t: BotTranslator): AdaptiveCard {
  if (share.withdrawnAt) return withdrawnShareCard(share, t);
  const data = { teamId: share.teamId, shareId: share.shareId };
  const average = averageRating(share.tally);
  const link = share.link && isHttpUrl(share.link) ? share.link : null;
  const body: CardElement[] = [
    {
      type: 'TextBlock',
      text: t.t('share.sharedALearning', { name: escapeMarkdown(share.sharerName) }),
      isSubtle: true,
      wrap: true,
      size: 'small',
    },
    { type: 'TextBlock', text: escapeMarkdown(share.what), size: 'large', weight: 'bolder', wrap: true, style: 'heading', spacing: 'none' },
    {
      type: 'FactSet',
      facts: [
        { title: t.t('share.kind'), value: t.t(`sourceType.${share.sourceType}`) },
        ...(share.sharerRating !== null
          ? [{ title: t.t('share.theirRating'), value: t.t('common.ratingOutOf', { rating: share.sharerRating, max: RATING_SCALE.max }) }]
          : []),
        // The address as text, escaped: the button below is the only way to follow it.
        ...(link ? [{ title: t.t('share.link'), value: escapeMarkdown(hostOf(link)) }] : []),
      ],
    },
    ...(share.insight ? labelled(t.t('share.insight'), share.insight) : []),
    ...(share.action ? labelled(t.t('share.action'), share.action) : []),
    {
      type: 'TextBlock',
      text: [
        t.plural('share.helpful', share.tally.helpful),
        t.plural('share.saves', share.tally.saves),
        average === null
          ? t.t('share.notRated')
          : t.plural('share.rated', share.tally.ratingCount, {
              average: numberFormat(t.formatting, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(average),
              max: RATING_SCALE.max,
            }),
      ].join(' · '),
      weight: 'bolder',
      wrap: true,
      spacing: 'medium',
      id: 'counts',
    },
    ...(mine ? [{ type: 'TextBlock' as const, text: yourMarks(mine, t), isSubtle: true, wrap: true, spacing: 'none' as const }] : []),
    ...(notice ? [{ type: 'TextBlock' as const, text: escapeMarkdown(notice), color: 'attention' as const, wrap: true }] : []),
    {
      type: 'Input.ChoiceSet',
      id: 'rating',
      label: t.t('share.rate.label'),
      style: 'compact',
      placeholder: t.t('share.rate.placeholder', RATING_SCALE),
      value: mine?.rating ? String(mine.rating) : '',
      choices: RATINGS.map((rating) => ({
        title: t.t('common.ratingOutOf', { rating: Number(rating), max: RATING_SCALE.max }),
        value: rating,
      })),
    },
  ];
  const actions: CardAction[] = [
    {
      type: 'Action.Execute',
      id: 'helpful',
      title: t.t(mine?.helpful ? 'share.helpfulOn' : 'share.helpful'),
      verb: SHARE_HELPFUL_VERB,
      associatedInputs: 'none',
      data,
    },
    { type: 'Action.Execute', id: 'rate', title: t.t('share.rate'), verb: SHARE_RATE_VERB, associatedInputs: 'auto', data },
    {
      type: 'Action.Execute',
      id: 'save',
      title: t.t(mine?.saved ? 'share.savedOn' : 'share.save'),
      verb: SHARE_SAVE_VERB,
      associatedInputs: 'none',
      data,
    },
    ...(link ? [{ type: 'Action.OpenUrl' as const, id: 'open', title: t.t('share.open'), url: link }] : []),
  ];
  return {
    ...adaptiveCard(t, body, actions),
    // Anyone can ask for their own view (their marks) from the card's menu; the counts are the same for all.
    refresh: { action: { type: 'Action.Execute', id: 'refresh', verb: SHARE_REFRESH_VERB, data } },
  };
}

export function withdrawnShareCard(share: Pick<Share, 'sharerName'>, t: BotTranslator): AdaptiveCard {
  return adaptiveCard(t, [
    { type: 'TextBlock', text: t.t('share.withdrawn.title'), weight: 'bolder', wrap: true },
    {
      type: 'TextBlock',
      text: t.t('share.withdrawn.body', { name: escapeMarkdown(share.sharerName) }),
      isSubtle: true,
      wrap: true,
      spacing: 'none',
    },
  ]);
}

function yourMarks(mine: MyShareVote, t: BotTranslator): string {
  const parts = [
    mine.helpful ? t.t('share.mine.helpful') : undefined,
    mine.saved ? t.t('share.mine.saved') : undefined,
    mine.rating !== null ? t.t('share.mine.rated', { rating: mine.rating, max: RATING_SCALE.max }) : undefined,
  ].filter((part): part is string => part !== undefined);
  return parts.length > 0
    ? t.t('share.mine.summary', { marks: new Intl.ListFormat(t.formatting, { type: 'unit', style: 'short' }).format(parts) })
    : t.t('share.mine.none');
}

function hostOf(link: string): string {
  try {
    const url = new URL(link);
    return `${url.host}${url.pathname === '/' ? '' : url.pathname}`.slice(0, 120);
  } catch {
    return link.slice(0, 120);
  }
}

function labelled(label: string, text: string): CardElement[] {
  return [
    { type: 'TextBlock', text: label, weight: 'bolder', wrap: true, spacing: 'medium' },
    { type: 'TextBlock', text: escapeMarkdown(text), wrap: true, spacing: 'none' },
  ];
}
