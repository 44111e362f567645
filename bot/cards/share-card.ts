import { isHttpUrl } from '../domain/check-in-rules.js';
import { SOURCE_TYPE_LABELS } from '../domain/learning-entry.js';
import { averageRating, type Share } from '../domain/share.js';
import type { MyShareVote } from '../domain/share-view.js';
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

const RATING_CHOICES = ['1', '2', '3', '4', '5'].map((v) => ({ title: `${v} of 5`, value: v }));

/** A learning share as the channel sees it: attributed, escaped, with live counts and the buttons to add to them. */
export function shareCard({ share, mine, notice }: ShareCardModel): AdaptiveCard {
  if (share.withdrawnAt) return withdrawnShareCard(share);
  const data = { teamId: share.teamId, shareId: share.shareId };
  const average = averageRating(share.tally);
  const link = share.link && isHttpUrl(share.link) ? share.link : null;
  const body: CardElement[] = [
    { type: 'TextBlock', text: `${escapeMarkdown(share.sharerName)} shared a learning`, isSubtle: true, wrap: true, size: 'small' },
    { type: 'TextBlock', text: escapeMarkdown(share.what), size: 'large', weight: 'bolder', wrap: true, style: 'heading', spacing: 'none' },
    {
      type: 'FactSet',
      facts: [
        { title: 'Kind', value: SOURCE_TYPE_LABELS[share.sourceType] },
        ...(share.sharerRating !== null ? [{ title: 'Their rating', value: `${share.sharerRating} of 5` }] : []),
        // The address as text, escaped: the button below is the only way to follow it.
        ...(link ? [{ title: 'Link', value: escapeMarkdown(hostOf(link)) }] : []),
      ],
    },
    ...(share.insight ? labelled('Key insight', share.insight) : []),
    ...(share.action ? labelled('What they will do with it', share.action) : []),
    {
      type: 'TextBlock',
      text: [
        `${share.tally.helpful} found this helpful`,
        `${share.tally.saves} saved`,
        average === null ? 'not rated yet' : `rated ${average.toFixed(1)} of 5 by ${share.tally.ratingCount} ${share.tally.ratingCount === 1 ? 'person' : 'people'}`,
      ].join(' · '),
      weight: 'bolder',
      wrap: true,
      spacing: 'medium',
      id: 'counts',
    },
    ...(mine ? [{ type: 'TextBlock' as const, text: yourMarks(mine), isSubtle: true, wrap: true, spacing: 'none' as const }] : []),
    ...(notice ? [{ type: 'TextBlock' as const, text: escapeMarkdown(notice), color: 'attention' as const, wrap: true }] : []),
    {
      type: 'Input.ChoiceSet',
      id: 'rating',
      label: 'Rate the resource',
      style: 'compact',
      placeholder: 'Choose 1–5',
      value: mine?.rating ? String(mine.rating) : '',
      choices: RATING_CHOICES,
    },
  ];
  const actions: CardAction[] = [
    { type: 'Action.Execute', id: 'helpful', title: mine?.helpful ? 'Helpful ✓' : 'Helpful', verb: SHARE_HELPFUL_VERB, associatedInputs: 'none', data },
    { type: 'Action.Execute', id: 'rate', title: 'Rate', verb: SHARE_RATE_VERB, associatedInputs: 'auto', data },
    { type: 'Action.Execute', id: 'save', title: mine?.saved ? 'Saved ✓' : 'Save', verb: SHARE_SAVE_VERB, associatedInputs: 'none', data },
    ...(link ? [{ type: 'Action.OpenUrl' as const, id: 'open', title: 'Open link', url: link }] : []),
  ];
  return {
    ...adaptiveCard(body, actions),
    // Anyone can ask for their own view (their marks) from the card's menu; the counts are the same for all.
    refresh: { action: { type: 'Action.Execute', id: 'refresh', verb: SHARE_REFRESH_VERB, data } },
  };
}

export function withdrawnShareCard(share: Pick<Share, 'sharerName'>): AdaptiveCard {
  return adaptiveCard([
    { type: 'TextBlock', text: 'Learning share withdrawn', weight: 'bolder', wrap: true },
    { type: 'TextBlock', text: `${escapeMarkdown(share.sharerName)} withdrew this share.`, isSubtle: true, wrap: true, spacing: 'none' },
  ]);
}

function yourMarks(mine: MyShareVote): string {
  const parts = [
    mine.helpful ? 'you found it helpful' : undefined,
    mine.saved ? 'it is in your saved list' : undefined,
    mine.rating !== null ? `you rated it ${mine.rating} of 5` : undefined,
  ].filter(Boolean);
  return parts.length > 0 ? `For you: ${parts.join(', ')}.` : 'Press Helpful, rate it or save it for later. Pressing again undoes it.';
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
