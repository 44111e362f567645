import { numberFormat } from '../contract/i18n/intl-cache.js';
import type { Digest } from '../domain/digest.js';
import type { FollowThroughFigures } from '../contract/follow-through.js';
import type { FollowUpFigures } from '../contract/report.js';
import { adaptiveCard, type AdaptiveCard, type CardAction, type CardElement } from './card-types.js';
import { escapeMarkdown } from './markdown-escape.js';
import type { BotTranslator } from '../i18n/bot-messages.js';
import { formatMinutes } from '../i18n/format.js';
import { followUpText } from '../i18n/follow-up-text.js';

export const DIGEST_NUDGE_VERB = 'digest.nudge';

/**
 * A lead's weekly digest: participation, the week's most helpful shares, and who to follow up,
 * with a nudge a press away — and the dashboard, when the service knows where it is.
 */
export function digestCard(
  digest: Digest,
  t: BotTranslator,
  options: { notice?: string; dashboardUrl?: string | undefined } = {},
): AdaptiveCard {
  const p = digest.participation;
  const answered = p.checkIns === 0 ? t.t('digest.noneSent') : t.t('digest.answered', { answered: p.answered, total: p.checkIns });
  const body: CardElement[] = [
    {
      type: 'TextBlock',
      text: t.t('digest.title', { team: escapeMarkdown(digest.teamName) }),
      size: 'large',
      weight: 'bolder',
      wrap: true,
      style: 'heading',
    },
    { type: 'TextBlock', text: t.t('digest.week', { week: digest.week }), isSubtle: true, spacing: 'none', wrap: true },
    ...(options.notice
      ? [
          {
            type: 'TextBlock' as const,
            text: escapeMarkdown(options.notice),
            color: 'good' as const,
            weight: 'bolder' as const,
            wrap: true,
          },
        ]
      : []),
    {
      type: 'FactSet',
      facts: [
        { title: t.t('digest.members'), value: numberFormat(t.formatting).format(p.members) },
        { title: t.t('digest.checkIns'), value: answered },
        {
          title: t.t('digest.logged'),
          value: t.plural('digest.loggedValue', p.entries, { duration: formatMinutes(t.formatting, p.minutes) }),
        },
        { title: t.plural('digest.followThrough', digest.followThrough.weeks), value: followThroughValue(digest.followThrough.figures, t) },
        ...(digest.leadFollowUps
          ? [
              {
                title: t.plural('digest.leadFollowUps', digest.leadFollowUps.weeks),
                value: leadFollowUpsValue(digest.leadFollowUps.figures, t),
              },
            ]
          : []),
      ],
    },
    ...(digest.leadFollowUps
      ? [
          {
            type: 'TextBlock' as const,
            text: t.t('digest.followUpDefinition'),
            isSubtle: true,
            wrap: true,
            size: 'small' as const,
            spacing: 'none' as const,
          },
        ]
      : []),
    { type: 'TextBlock', text: t.t('digest.helpfulTitle'), weight: 'bolder', wrap: true, spacing: 'medium' },
    ...(digest.highlights.length > 0
      ? digest.highlights.map((h) => ({
          type: 'TextBlock' as const,
          text: t.plural('digest.highlight', h.helpful, { what: escapeMarkdown(h.what), name: escapeMarkdown(h.sharerName) }),
          wrap: true,
          spacing: 'none' as const,
        }))
      : [{ type: 'TextBlock' as const, text: t.t('digest.noHelpful'), isSubtle: true, wrap: true, spacing: 'none' as const }]),
    { type: 'TextBlock', text: t.t('digest.followUpTitle'), weight: 'bolder', wrap: true, spacing: 'medium' },
    ...(digest.followUps.length > 0
      ? digest.followUps.map((f) => ({
          type: 'TextBlock' as const,
          text: t.t('digest.followUp', {
            name: escapeMarkdown(f.displayName),
            reason: f.why ? followUpText(f.why, t, escapeMarkdown) : escapeMarkdown(f.reason),
          }),
          wrap: true,
          spacing: 'none' as const,
        }))
      : [{ type: 'TextBlock' as const, text: t.t('digest.nobody'), isSubtle: true, wrap: true, spacing: 'none' as const }]),
    ...(digest.moreFollowUps > 0
      ? [
          {
            type: 'TextBlock' as const,
            text: t.plural('digest.more', digest.moreFollowUps),
            isSubtle: true,
            wrap: true,
            spacing: 'none' as const,
          },
        ]
      : []),
  ];
  const actions: CardAction[] = digest.followUps.map((f) => ({
    type: 'Action.Execute',
    id: `nudge-${f.userId}`,
    title: t.t('digest.nudge', { name: f.displayName }),
    verb: DIGEST_NUDGE_VERB,
    associatedInputs: 'none',
    data: { teamId: digest.teamId, userId: f.userId },
  }));
  // Last: with five nudges it is the sixth action, as many as Teams shows.
  if (options.dashboardUrl)
    actions.push({ type: 'Action.OpenUrl', id: 'open-dashboard', title: t.t('digest.openDashboard'), url: options.dashboardUrl });
  return adaptiveCard(t, body, actions);
}

/** "1 of 3 done, 2 nudged", or that none was asked. */
function leadFollowUpsValue(f: FollowUpFigures, t: BotTranslator): string {
  if (f.requested === 0) return t.t('digest.leadFollowUpsNone');
  return t.t('digest.leadFollowUpsValue', { done: f.done, requested: f.requested, nudged: f.nudged });
}

/** "67%: 4 of 6 due actions have a result; median 5 days to a result", or that nothing is due yet. */
function followThroughValue(f: FollowThroughFigures, t: BotTranslator): string {
  if (f.followThrough === null) return t.t('digest.followThroughNoneDue');
  const rate = numberFormat(t.formatting, { style: 'percent', maximumFractionDigits: 0 }).format(f.followThrough);
  const value = t.t('digest.followThroughValue', { rate, results: f.results, due: f.due });
  return f.medianDaysToResult === null ? value : `${value} ${t.plural('digest.medianDays', f.medianDaysToResult)}`;
}
