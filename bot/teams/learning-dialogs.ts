import { CardFactory, type TaskModuleResponse } from 'botbuilder';
import type { Logger } from 'pino';
import { DIALOG_KEY, learningDialogCard, type DialogPurpose } from '../cards/learning-dialog-card.js';
import { CHECK_IN_LIMITS } from '../contract/check-in-rules.js';
import { messageDraft } from '../domain/message-draft.js';
import type { CheckInService } from '../services/check-in-service.js';
import type { LearningCapture } from '../services/learning-capture.js';
import type { Learner } from '../services/learner.js';
import type { BotMessageKey, BotTranslator } from '../i18n/bot-messages.js';

const TITLES: Record<DialogPurpose, BotMessageKey> = { share: 'dialog.title.share', 'save-message': 'dialog.title.saveMessage' };

/** Teams' message-extension command ids, as declared in the app manifest. */
export const COMPOSE_SHARE_COMMAND = 'shareLearning';
export const SAVE_MESSAGE_COMMAND = 'saveAsLearning';

/**
 * The dialogs behind "Share learning" (a compose action, or the button on the card "share"
 * posts in a channel) and "Save as learning" (a message action). Opening shows the form; a
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
    const all = await this.deps.capture.shareOptionFor(learner);
    // In a team's channel, the share goes to that team when the learner can share there.
    const here = where.teamId ? all.teams.filter((team) => team.teamId === where.teamId) : [];
    const share = here.length > 0 ? { teams: here } : all;
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

  async submit(learner: Learner, data: unknown, t: BotTranslator): Promise<TaskModuleResponse> {
    const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
    const purpose: DialogPurpose = record[DIALOG_KEY] === 'save-message' ? 'save-message' : 'share';
    const result = await this.deps.capture.capture(learner, record, { shareOnly: purpose === 'share', t });
    if (result.status === 'invalid') {
      return this.form(
        purpose,
        learningDialogCard({ purpose, cardId: result.cardId, values: result.values, errors: result.errors, share: result.share }, t),
        t,
      );
    }
    if (!result.shared) return { task: { type: 'message', value: t.t('dialog.saved') } };
    return {
      task: {
        type: 'message',
        value: result.shared.ok
          ? t.t('dialog.sharedIn', { team: result.shared.teamName })
          : t.t('dialog.notShared', { problem: result.shared.problem }),
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
