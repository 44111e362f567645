import { checkInCard, type CheckInCardModel } from './check-in-card.js';
import { adaptiveCard, type AdaptiveCard } from './card-types.js';
import type { BotTranslator } from '../i18n/bot-messages.js';

export type DialogPurpose = 'share' | 'save-message';

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

/** Posted where someone typed "share" in a channel or group chat: the form opens privately, in a dialog. */
export function shareInvitationCard(t: BotTranslator): AdaptiveCard {
  return adaptiveCard(
    t,
    [
      { type: 'TextBlock', text: t.t('dialog.invite.title'), weight: 'bolder', size: 'medium', wrap: true },
      {
        type: 'TextBlock',
        text: t.t('dialog.invite.body'),
        wrap: true,
        isSubtle: true,
      },
    ],
    [
      {
        type: 'Action.Submit',
        id: 'open-share',
        title: t.t('dialog.invite.button'),
        data: { msteams: { type: 'task/fetch' }, [DIALOG_KEY]: 'share' },
      },
    ],
  );
}
