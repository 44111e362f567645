import { visibilityAskedBy } from './entry-visibility.js';
import { SHARE_PARTS, type SharePart } from './share.js';
import { englishMessages, type BotTranslator } from '../i18n/bot-messages.js';

/** The share fields of a check-in or share form, as typed, so a rejected card shows them again. */
export interface ShareChoiceValues {
  /** "Who can see this": choosing the team is what shares. */
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

export function shareChoiceValuesFrom(data: unknown): ShareChoiceValues {
  const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const values: ShareChoiceValues = {};
  for (const key of ['shareWithTeam', 'shareParts', 'shareTeamId'] as const) {
    const raw = record[key];
    if (typeof raw === 'string') values[key] = raw.slice(0, 400);
    else if (typeof raw === 'boolean') values[key] = String(raw);
  }
  const visibility = visibilityAskedBy(data);
  if (visibility !== undefined) values.visibility = visibility;
  return values;
}

/**
 * Whether, where and what the learner chose to share. Sharing is opt-in: only "Who can see
 * this: my team" (or an old card's ticked toggle) shares. The parts come from a multi-select
 * as "insight,link".
 */
export function parseShareChoice(data: unknown, options: { always?: boolean; t?: BotTranslator } = {}): ShareChoice {
  const t = options.t ?? englishMessages;
  const values = shareChoiceValuesFrom(data);
  if (visibilityAskedBy(data, options) !== 'team') return { ok: true, share: null };
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
