import { ERASE_CONFIRMATION, type MyDataCounts } from '../domain/my-data.js';
import type { BotTranslator } from '../i18n/bot-messages.js';
import { adaptiveCard, type AdaptiveCard, type CardElement } from './card-types.js';
import { escapeMarkdown } from './markdown-escape.js';

export const MY_DATA_ERASE_VERB = 'mydata.erase';

// The phrase to type stays English in every language: it is what the erasure checks for.
const phrase = { phrase: ERASE_CONFIRMATION };

/** The counts as a line of text in the reader's language, for a chat message: empty kinds are left out. */
export function countsText(counts: MyDataCounts, t: BotTranslator): string {
  const parts = (Object.keys(counts) as (keyof MyDataCounts)[])
    .filter((kind) => counts[kind] > 0)
    .map((kind) => t.plural(`myData.count.${kind}`, counts[kind]));
  return parts.length > 0 ? new Intl.ListFormat(t.formatting, { type: 'unit', style: 'short' }).format(parts) : t.t('myData.nothing');
}

/** What "export my data" answers: what is held, and where the files are (a bot's message cannot carry one without Graph). */
export function myDataExportCard({ counts, url }: { counts: MyDataCounts; url: string | undefined }, t: BotTranslator): AdaptiveCard {
  return adaptiveCard(
    t,
    [
      { type: 'TextBlock', text: t.t('myData.title'), size: 'medium', weight: 'bolder', wrap: true, style: 'heading' },
      { type: 'TextBlock', text: t.t('myData.holds', { counts: escapeMarkdown(countsText(counts, t)) }), wrap: true },
      { type: 'TextBlock', text: t.t('myData.download'), wrap: true },
      { type: 'TextBlock', text: t.t('myData.toDelete', phrase), isSubtle: true, wrap: true },
    ],
    url ? [{ type: 'Action.OpenUrl', id: 'open-my-data', title: t.t('myData.open'), url }] : [],
  );
}

/** Asks for the typed phrase before erasing; shown again with what was typed and the problem when it was not the phrase. */
export function eraseMyDataCard(t: BotTranslator, { typed, problem }: { typed?: string; problem?: string } = {}): AdaptiveCard {
  const body: CardElement[] = [
    { type: 'TextBlock', text: t.t('myData.erase.title'), size: 'medium', weight: 'bolder', wrap: true, style: 'heading' },
    { type: 'TextBlock', text: t.t('myData.erase.body'), wrap: true },
    { type: 'TextBlock', text: t.t('myData.erase.cannotUndo'), weight: 'bolder', color: 'attention', wrap: true },
    ...(problem ? [{ type: 'TextBlock' as const, text: escapeMarkdown(problem), color: 'attention' as const, wrap: true }] : []),
    {
      type: 'Input.Text',
      id: 'confirm',
      label: t.t('myData.erase.confirmLabel', phrase),
      isRequired: true,
      errorMessage: t.t('myData.erase.confirmLabel', phrase),
      maxLength: 100,
      value: typed ?? '',
    },
  ];
  return adaptiveCard(t, body, [
    {
      type: 'Action.Execute',
      id: 'erase',
      title: t.t('myData.erase.button'),
      verb: MY_DATA_ERASE_VERB,
      style: 'destructive',
      associatedInputs: 'auto',
      data: {},
    },
  ]);
}

/** The card in place of the confirmation while the erasure runs in the background (it can outlast Teams' 5 s for an invoke). */
export function erasingMyDataCard(t: BotTranslator): AdaptiveCard {
  return adaptiveCard(t, [
    { type: 'TextBlock', text: t.t('myData.erasing.title'), weight: 'bolder', wrap: true },
    { type: 'TextBlock', text: t.t('myData.erasing.body'), isSubtle: true, wrap: true, spacing: 'none' },
  ]);
}

/** Sent once the erasure finished. */
export function myDataErasedCard(t: BotTranslator): AdaptiveCard {
  return adaptiveCard(t, [
    { type: 'TextBlock', text: t.t('myData.erased.title'), weight: 'bolder', color: 'good', wrap: true },
    { type: 'TextBlock', text: t.t('myData.erased.body'), wrap: true },
  ]);
}

/** Sent when the erasure failed part way: what is left is found and erased by asking again. */
export function myDataEraseFailedCard(t: BotTranslator): AdaptiveCard {
  return adaptiveCard(t, [
    { type: 'TextBlock', text: t.t('myData.eraseFailed.title'), weight: 'bolder', color: 'attention', wrap: true },
    { type: 'TextBlock', text: t.t('myData.eraseFailed.body', phrase), wrap: true },
  ]);
}
