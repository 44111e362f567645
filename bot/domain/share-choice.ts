import { SHARE_PARTS, type SharePart } from './share.js';
import { englishMessages, type BotTranslator } from '../i18n/bot-messages.js';

/** The share fields of a check-in or share form, as typed, so a rejected card shows them again. */
export interface ShareChoiceValues {
  /** "Who can see this" (the share-only forms always say the team): choosing the team is what shares. */
  visibility?: string;
  /** The toggle of cards sent before the visibility choice: still honoured when they are answered. */
  shareWithTeam?: string;
  shareParts?: string;
  shareTeamId?: string;
}

export type ShareChoice =
  | { ok: true; share: null }
  | { ok: true; share: { teamId: string; parts: SharePart[] } }
  | { ok: false; error: string; values: ShareChoiceValues };

const TEAM_ID = /^[^\u0000-\u001f]{1,200}$/;

/**
 * Whether, where and what the learner chose to share. Sharing is opt-in: only "Who can see
 * this: my team" shares. The parts come from a multi-select as "insight,link".
 */
export function parseShareChoice(values: ShareChoiceValues, t: BotTranslator = englishMessages): ShareChoice {
  if (values.visibility !== 'team') return { ok: true, share: null };
  const teamId = values.shareTeamId?.trim() ?? '';
  if (!teamId) return { ok: false, error: t.t('validation.chooseShareTeam'), values };
  if (!TEAM_ID.test(teamId)) return { ok: false, error: t.t('validation.notYourShareTeam'), values };
  const requested = (values.shareParts ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const unknown = requested.filter((p) => !(SHARE_PARTS as readonly string[]).includes(p));
  if (unknown.length > 0) return { ok: false, error: t.t('validation.chooseShareParts', { list: SHARE_PARTS.join(', ') }), values };
  const parts = SHARE_PARTS.filter((p) => requested.includes(p));
  return { ok: true, share: { teamId, parts } };
}
