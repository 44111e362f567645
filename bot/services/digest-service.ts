import { DateTime } from 'luxon';
import type { Logger } from 'pino';
import { digestCard } from '../cards/digest-card.js';
import type { AdaptiveCard } from '../cards/card-types.js';
import { digestOf, digestWeekDue, type Digest } from '../domain/digest.js';
import type { DigestStore } from '../store/digest-store.js';
import type { TeamStore } from '../store/team-store.js';
import type { DashboardService } from './dashboard-service.js';
import type { Clock, Learner } from './learner.js';
import type { PersonalChat } from './share-publisher.js';
import type { BotTranslator } from '../i18n/bot-messages.js';
import type { ShareLists } from './share-lists.js';

/**
 * Each lead's weekly digest, in their personal chat on Monday at 09:00 in the team's zone. An
 * hourly pass finds the teams whose digest hour it is; a claim per team, lead and week makes
 * each digest go once, whichever instance runs the pass.
 */
export class DigestService {
  constructor(
    private readonly deps: {
      teams: TeamStore;
      digests: DigestStore;
      dashboards: Pick<DashboardService, 'dashboardFor'>;
      shareLists: Pick<ShareLists, 'feed'>;
      chat: PersonalChat;
      clock: Clock;
      logger: Logger;
      /** Where the digest's "Open the dashboard" goes for a team; undefined leaves the button off. */
      dashboardUrl?: (teamId: string) => string | undefined;
    },
  ) {}

  /** Sends the digests due now; how many went out. */
  async sendDue(): Promise<number> {
    const now = this.deps.clock();
    let sent = 0;
    for (const team of await this.deps.teams.listAllTeams()) {
      const week = digestWeekDue(now, team.schedule?.timeZone ?? 'UTC');
      if (!week) continue;
      const leads = (await this.deps.teams.listMembers(team.tenantId, team.teamId)).filter((m) => m.role === 'lead');
      for (const lead of leads) {
        try {
          if (!(await this.deps.digests.claim(team.tenantId, team.teamId, lead.userId, week, now.toISOString()))) continue;
          const digest = await this.digestFor({ tenantId: team.tenantId, userId: lead.userId }, team.teamId, week);
          if (!digest) continue;
          const dashboardUrl = this.deps.dashboardUrl?.(team.teamId);
          if (await this.deps.chat.tellPerson(team.tenantId, lead.userId, { kind: 'digest', digest, dashboardUrl })) sent++;
        } catch (error) {
          this.deps.logger.warn({ err: error, teamId: team.teamId }, 'a weekly digest could not be sent');
        }
      }
    }
    return sent;
  }

  /** The digest card for a lead, e.g. again after they nudged someone from it. */
  async cardFor(
    lead: Learner,
    teamId: string,
    week: string | undefined,
    notice: string | undefined,
    t: BotTranslator,
  ): Promise<AdaptiveCard | undefined> {
    const digest = await this.digestFor(lead, teamId, week);
    if (!digest) return undefined;
    return digestCard(digest, t, { ...(notice ? { notice } : {}), dashboardUrl: this.deps.dashboardUrl?.(teamId) });
  }

  private async digestFor(lead: Learner, teamId: string, week?: string): Promise<Digest | undefined> {
    const dashboard = await this.deps.dashboards.dashboardFor(lead, teamId, 4);
    if (dashboard.role !== 'lead') return undefined;
    const feed = await this.deps.shareLists.feed(lead, teamId, 'helpful');
    const shares = 'shares' in feed ? feed.shares : [];
    const zone = dashboard.settings.schedule?.timeZone ?? 'UTC';
    const now = DateTime.fromJSDate(this.deps.clock(), { zone });
    const covered = week ?? digestWeekDue(this.deps.clock(), zone) ?? isoWeek(now.minus({ weeks: 1 }));
    return digestOf(dashboard, shares, covered, now.minus({ weeks: 1 }).startOf('week').toJSDate());
  }
}

function isoWeek(at: DateTime): string {
  return `${at.weekYear}-W${String(at.weekNumber).padStart(2, '0')}`;
}
