import { CardFactory, type TaskModuleResponse } from 'botbuilder';
import type { Logger } from 'pino';
import { learningDialogCard, type DialogPurpose } from '../cards/learning-dialog-card.js';
import { freshCheckInModel } from './check-in-actions.js';
import type { CheckInForm } from './check-in-form.js';
import { refusedDialogCard, sharedLine } from './check-in-replies.js';
import { CHECK_IN_LIMITS } from '../contract/check-in-rules.js';
import { messageDraft } from '../domain/message-draft.js';
import type { CheckInService } from '../services/check-in-service.js';
import type { LearningCapture } from '../services/learning-capture.js';
import type { Learner } from '../services/learner.js';
import type { BotMessageKey, BotTranslator } from '../i18n/bot-messages.js';

const TITLES: Record<DialogPurpose, BotMessageKey> = {
  'check-in': 'dialog.title.checkIn',
  share: 'dialog.title.share',
  'save-message': 'dialog.title.saveMessage',
};

/** Teams' message-extension command ids, as declared in the app manifest. */
export const COMPOSE_SHARE_COMMAND = 'shareLearning';
export const SAVE_MESSAGE_COMMAND = 'saveAsLearning';

/**
 * The dialogs behind "Share learning" (a compose action, or the button on the card "share"
 * posts in a channel), "Check in" (the button on the card "check in" posts in a channel or group
 * chat) and "Save as learning" (a message action). Opening shows the form; a
 * rejected submit shows it again with every problem and every answer; an accepted one closes
 * the dialog with a line saying what happened.
 */
export class LearningDialogs {
  constructor(private readonly deps: { capture: LearningCapture; checkIns: CheckInService; logger: Logger }) {}

  async open(
    learner: Learner,
    purpose: DialogPurpose,
    t: BotTranslator,
    where: { teamId?: string | undefined; message?: { content?: unknown; contentType?: unknown } | undefined } = {},
  ): Promise<TaskModuleResponse> {
    // The whole check-in, goals and recommendations included: only the person who pressed sees a dialog.
    if (purpose === 'check-in')
      return this.form(purpose, learningDialogCard({ ...(await freshCheckInModel(this.deps, learner)), purpose }, t), t);
    const all = await this.deps.capture.shareTargetsOf(learner);
    // In a team's channel, the share goes to that team when the learner can share there.
    const here = where.teamId ? all.filter((team) => team.teamId === where.teamId) : [];
    const share = { teams: here.length > 0 ? here : all };
    const draft = purpose === 'save-message' ? messageDraft(where.message, CHECK_IN_LIMITS.what) : undefined;
    const card = learningDialogCard(
      {
        purpose,
        cardId: this.deps.checkIns.newCardId(),
        share,
        ...(draft ? { values: { what: draft.what, ...(draft.link ? { link: draft.link } : {}) } } : {}),
      },
      t,
    );
    return this.form(purpose, card, t);
  }

  /** A dialog's form, read once at the edge. */
  async submit(learner: Learner, form: CheckInForm, t: BotTranslator): Promise<TaskModuleResponse> {
    const result = await this.deps.capture.capture(learner, form.command);
    if (result.status === 'invalid') return this.form(form.purpose, refusedDialogCard(form, result, t), t);
    const shared = sharedLine(result.shared, t);
    if (!shared) return { task: { type: 'message', value: t.t('dialog.saved') } };
    return {
      task: {
        type: 'message',
        value: shared.ok ? t.t('dialog.sharedIn', { team: shared.teamName }) : t.t('dialog.notShared', { problem: shared.problem }),
      },
    };
  }

  private form(purpose: DialogPurpose, card: ReturnType<typeof learningDialogCard>, t: BotTranslator): TaskModuleResponse {
    return {
      task: {
        type: 'continue',
        value: { title: t.t(TITLES[purpose]), width: 'medium', height: 'large', card: CardFactory.adaptiveCard(card) },
      },
    };
  }
}
