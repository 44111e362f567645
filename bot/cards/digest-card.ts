import type { Digest } from '../domain/digest.js';
import { adaptiveCard, type AdaptiveCard, type CardAction, type CardElement } from './card-types.js';
import { escapeMarkdown } from './markdown-escape.js';

export const DIGEST_NUDGE_VERB = 'digest.nudge';

/**
 * A lead's weekly digest: participation, the week's most helpful shares, and who to follow up,
 * with a nudge a press away — and the dashboard, when the service knows where it is.
 */
export function digestCard(digest: Digest, options: { notice?: string; dashboardUrl?: string | undefined } = {}): AdaptiveCard {
  const p = digest.participation;
  const answered = p.checkIns === 0 ? 'none sent' : `${p.answered} of ${p.checkIns} answered`;
  const body: CardElement[] = [
    { type: 'TextBlock', text: `Your week in ${escapeMarkdown(digest.teamName)}`, size: 'large', weight: 'bolder', wrap: true, style: 'heading' },
    { type: 'TextBlock', text: `Week ${digest.week}`, isSubtle: true, spacing: 'none', wrap: true },
    ...(options.notice ? [{ type: 'TextBlock' as const, text: escapeMarkdown(options.notice), color: 'good' as const, weight: 'bolder' as const, wrap: true }] : []),
    {
      type: 'FactSet',
      facts: [
        { title: 'Members', value: String(p.members) },
        { title: 'Check-ins', value: answered },
        { title: 'Learning logged', value: `${p.entries} entries, ${p.minutes} minutes` },
      ],
    },
    { type: 'TextBlock', text: 'Most helpful shares', weight: 'bolder', wrap: true, spacing: 'medium' },
    ...(digest.highlights.length > 0
      ? digest.highlights.map((h) => ({ type: 'TextBlock' as const, text: `${escapeMarkdown(h.what)} — ${escapeMarkdown(h.sharerName)}, ${h.helpful} found it helpful`, wrap: true, spacing: 'none' as const }))
      : [{ type: 'TextBlock' as const, text: 'No share was marked helpful this week.', isSubtle: true, wrap: true, spacing: 'none' as const }]),
    { type: 'TextBlock', text: 'Needs a follow-up', weight: 'bolder', wrap: true, spacing: 'medium' },
    ...(digest.followUps.length > 0
      ? digest.followUps.map((f) => ({ type: 'TextBlock' as const, text: `${escapeMarkdown(f.displayName)}: ${escapeMarkdown(f.reason)}`, wrap: true, spacing: 'none' as const }))
      : [{ type: 'TextBlock' as const, text: 'Nobody: everyone is on track.', isSubtle: true, wrap: true, spacing: 'none' as const }]),
    ...(digest.moreFollowUps > 0
      ? [{ type: 'TextBlock' as const, text: `And ${digest.moreFollowUps} more on the team dashboard.`, isSubtle: true, wrap: true, spacing: 'none' as const }]
      : []),
  ];
  const actions: CardAction[] = digest.followUps.map((f) => ({
    type: 'Action.Execute',
    id: `nudge-${f.userId}`,
    title: `Nudge ${f.displayName}`,
    verb: DIGEST_NUDGE_VERB,
    associatedInputs: 'none',
    data: { teamId: digest.teamId, userId: f.userId },
  }));
  // Last: with five nudges it is the sixth action, as many as Teams shows.
  if (options.dashboardUrl) actions.push({ type: 'Action.OpenUrl', id: 'open-dashboard', title: 'Open the dashboard', url: options.dashboardUrl });
  return adaptiveCard(body, actions);
}
