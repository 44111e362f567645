import { ERASE_CONFIRMATION, countsText, type MyDataCounts } from '../domain/my-data.js';
import { adaptiveCard, type AdaptiveCard, type CardElement } from './card-types.js';
import { escapeMarkdown } from './markdown-escape.js';

export const MY_DATA_ERASE_VERB = 'mydata.erase';

/** What "export my data" answers: what is held, and where the files are (a bot's message cannot carry one without Graph). */
export function myDataExportCard({ counts, url }: { counts: MyDataCounts; url: string | undefined }): AdaptiveCard {
  return adaptiveCard(
    [
      { type: 'TextBlock', text: 'Your data in Learning Loop', size: 'medium', weight: 'bolder', wrap: true, style: 'heading' },
      { type: 'TextBlock', text: `What I hold of yours: ${escapeMarkdown(countsText(counts))}.`, wrap: true },
      {
        type: 'TextBlock',
        text: 'Download all of it as JSON, or your learning entries as CSV, from **Your data** at the end of the My learning tab.',
        wrap: true,
      },
      { type: 'TextBlock', text: `To delete everything, type “${ERASE_CONFIRMATION}”.`, isSubtle: true, wrap: true },
    ],
    url ? [{ type: 'Action.OpenUrl', id: 'open-my-data', title: 'Open Your data', url }] : [],
  );
}

/** Asks for the typed phrase before erasing; shown again with what was typed and the problem when it was not the phrase. */
export function eraseMyDataCard({ typed, problem }: { typed?: string; problem?: string } = {}): AdaptiveCard {
  const body: CardElement[] = [
    { type: 'TextBlock', text: 'Erase all your Learning Loop data?', size: 'medium', weight: 'bolder', wrap: true, style: 'heading' },
    {
      type: 'TextBlock',
      text: 'This deletes your learning log, check-ins, goals, saved list, nudges, coaching notes and settings. Your shares are removed from your teams’ channels and your marks on others’ shares are taken back.',
      wrap: true,
    },
    { type: 'TextBlock', text: 'This cannot be undone.', weight: 'bolder', color: 'attention', wrap: true },
    ...(problem ? [{ type: 'TextBlock' as const, text: escapeMarkdown(problem), color: 'attention' as const, wrap: true }] : []),
    {
      type: 'Input.Text',
      id: 'confirm',
      label: `Type “${ERASE_CONFIRMATION}” to confirm`,
      isRequired: true,
      errorMessage: `Type “${ERASE_CONFIRMATION}” to confirm`,
      maxLength: 100,
      value: typed ?? '',
    },
  ];
  return adaptiveCard(body, [
    { type: 'Action.Execute', id: 'erase', title: 'Erase my data', verb: MY_DATA_ERASE_VERB, style: 'destructive', associatedInputs: 'auto', data: {} },
  ]);
}

/** The card in place of the confirmation while the erasure runs in the background (it can outlast Teams' 5 s for an invoke). */
export function erasingMyDataCard(): AdaptiveCard {
  return adaptiveCard([
    { type: 'TextBlock', text: 'Erasing your data…', weight: 'bolder', wrap: true },
    { type: 'TextBlock', text: 'I will tell you here when everything is gone.', isSubtle: true, wrap: true, spacing: 'none' },
  ]);
}

/** Sent once the erasure finished. */
export function myDataErasedCard(): AdaptiveCard {
  return adaptiveCard([
    { type: 'TextBlock', text: 'Your data was erased', weight: 'bolder', color: 'good', wrap: true },
    {
      type: 'TextBlock',
      text: 'Learning Loop no longer holds anything of yours. If you chat with me again, or stay in a team that uses Learning Loop, I start a new, empty record; uninstall the app to stop that.',
      wrap: true,
    },
  ]);
}

/** Sent when the erasure failed part way: what is left is found and erased by asking again. */
export function myDataEraseFailedCard(): AdaptiveCard {
  return adaptiveCard([
    { type: 'TextBlock', text: 'Your data was not fully erased', weight: 'bolder', color: 'attention', wrap: true },
    { type: 'TextBlock', text: `Something failed part way. Type “${ERASE_CONFIRMATION}” again in a moment to finish; nothing already erased comes back.`, wrap: true },
  ]);
}
