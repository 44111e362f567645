import { checkInCard, type CheckInCardModel } from './check-in-card.js';
import { adaptiveCard, type AdaptiveCard } from './card-types.js';
import type { BotMessageKey, BotTranslator } from '../i18n/bot-messages.js';

/** The forms a dialog opens: a check-in, a share, or an entry pre-filled from a message. */
export type DialogPurpose = 'check-in' | 'share' | 'save-message';

/** The forms a card posted in a channel or group chat opens privately. */
export type InvitedDialog = Extract<DialogPurpose, 'check-in' | 'share'>;

/** What the dialog's submit carries to say which form it was. */
export const DIALOG_KEY = 'learningDialog';

/**
 * The check-in form inside a Teams dialog (message extension or a card button). Dialogs submit
 * with Action.Submit, so the form's Execute actions are swapped for one Submit carrying the same data.
 */
export function learningDialogCard(model: CheckInCardModel & { purpose: DialogPurpose }, t: BotTranslator): AdaptiveCard {
  const card = checkInCard(model, t);
  const save = card.actions?.find((a) => a.type === 'Action.Execute');
  const data = save && 'data' in save && typeof save.data === 'object' ? (save.data as Record<string, unknown>) : {};
  return {
    ...card,
    actions: [
      {
        type: 'Action.Submit',
        id: 'submit',
        title: t.t(model.purpose === 'share' ? 'common.share' : 'common.save'),
        data: { ...data, [DIALOG_KEY]: model.purpose },
      },
    ],
  };
}

const INVITATIONS = {
  share: { title: 'dialog.invite.title', body: 'dialog.invite.body', button: 'dialog.invite.button' },
  'check-in': { title: 'dialog.inviteCheckIn.title', body: 'dialog.inviteCheckIn.body', button: 'dialog.inviteCheckIn.button' },
} as const satisfies Record<InvitedDialog, Record<'title' | 'body' | 'button', BotMessageKey>>;

/**
 * Posted where someone typed "share" or "check in" in a channel or group chat: it names nothing of
 * theirs, and its button opens the form privately, in a dialog, for whoever presses it.
 */
export function dialogInvitationCard(purpose: InvitedDialog, t: BotTranslator): AdaptiveCard {
  const words = INVITATIONS[purpose];
  return adaptiveCard(
    t,
    [
      { type: 'TextBlock', text: t.t(words.title), weight: 'bolder', size: 'medium', wrap: true },
      { type: 'TextBlock', text: t.t(words.body), wrap: true, isSubtle: true },
    ],
    [
      {
        type: 'Action.Submit',
        id: purpose === 'share' ? 'open-share' : 'open-check-in',
        title: t.t(words.button),
        data: { msteams: { type: 'task/fetch' }, [DIALOG_KEY]: purpose },
      },
    ],
  );
}
