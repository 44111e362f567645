import { ActivityTypes, MessageFactory, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { tenantOf } from './activity-people.js';
import { botTranslator, englishMessages } from '../i18n/bot-messages.js';

/** The refusal in English; the person refused reads it in their Teams language. */
export const TENANT_REFUSAL = englishMessages.t('error.tenantRefused');

/** With no allow-list every tenant that installed the app is served; with one, only those on it (and never an activity naming none). */
export function isTenantAllowed(allowed: readonly string[] | undefined, tenantId: string | undefined): boolean {
  if (!allowed) return true;
  return tenantId !== undefined && allowed.includes(tenantId.toLowerCase());
}

/**
 * Answers an activity from a tenant that is not allowed without reading or writing anything:
 * a card action or dialog gets 403, a message one line saying why, anything else (installs,
 * member changes) nothing — so no conversation reference or person is ever stored for them.
 */
export async function refuseTenant(context: TurnContext, logger: Logger): Promise<void> {
  const { type, name } = context.activity;
  const refusal = botTranslator(context.activity.locale).t('error.tenantRefused');
  // The tenant id is an organisation's, not a person's: it may go to the log.
  logger.warn(
    { tenantId: tenantOf(context.activity), activityType: type, name },
    'refused an activity from a tenant not on the allow-list',
  );
  if (type === ActivityTypes.Invoke) {
    await context.sendActivity({
      type: ActivityTypes.InvokeResponse,
      value: { status: 403, body: { code: 'Forbidden', message: refusal } },
    });
  } else if (type === ActivityTypes.Message) {
    await context.sendActivity(MessageFactory.text(refusal));
  }
}
