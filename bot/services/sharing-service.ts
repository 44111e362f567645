import { DateTime } from 'luxon';
import type { Logger } from 'pino';
import type { LearningEntry } from '../contract/learning-entry.js';
import { normalizeLink, resourceKeyOf } from '../domain/resource-link.js';
import {
  EMPTY_TALLY,
  NO_VOTE,
  SHARE_PARTS,
  applyVoteChange,
  sameVote,
  shareContentOf,
  tallyOf,
  type Share,
  type SharePart,
  type ShareVote,
  type VoteChange,
} from '../domain/share.js';
import type { MyShareVote } from '../contract/share-view.js';
import type { ShareStore } from '../store/share-store.js';
import type { TeamStore } from '../store/team-store.js';
import type { UserStore } from '../store/user-store.js';
import type { Clock, Learner } from './learner.js';
import type { SharePublisher } from './share-publisher.js';
import { CoalescedRuns } from './coalesced-runs.js';
import type { CardUpdates } from './card-updates.js';
import type { XapiRecorder } from './xapi-recorder.js';
import { LRUCache } from 'lru-cache';
import { readsOf, type LearnerReads } from './learner-reads.js';

export type ShareTargetProblem = 'not_member' | 'no_channel';

export type ShareOutcome = { status: 'shared'; share: Share } | { status: ShareTargetProblem };

export type VoteResult =
  | { status: 'ok'; share: Share; mine: MyShareVote }
  | { status: 'own_share'; share: Share; mine: MyShareVote }
  | { status: 'withdrawn'; share: Share }
  /** Taken off the caller's saved list after they left the team or the share was withdrawn: nothing of the share is answered. */
  | { status: 'unsaved'; mine: MyShareVote }
  | { status: 'not_member' }
  | { status: 'not_found' };

/** Only the same person's own second click can race a vote; a recount retries when another instance's recount won. */
const MAX_VOTE_ATTEMPTS = 10;
const MAX_RECOUNT_ATTEMPTS = 20;

export interface SharingServiceDeps {
  shares: ShareStore;
  teams: TeamStore;
  users: UserStore;
  publisher: SharePublisher;
  /** Brings share cards up to date, coalesced per channel. */
  cards: Pick<CardUpdates, 'request'>;
  clock: Clock;
  logger: Logger;
  /** Told of each share and rating, for the organisation's Learning Record Store. */
  xapi?: XapiRecorder;
}

/** Sharers remembered per instance (a few dozen bytes each). */
const NOTICE_HINTS = 20_000;

/** Learning shares: posting them to a team's channel, keeping their cards current, and the marks people give them. */
export class SharingService {
  private readonly recounts = new CoalescedRuns<Share | undefined>();
  /** Sharers whose notice of the day is claimed: a hint that saves a storage read, so the least recently used are forgotten. */
  private readonly noticesClaimed = new LRUCache<string, { day: string; zone: string }>({ max: NOTICE_HINTS });
  private readonly background = new Set<Promise<unknown>>();

  constructor(private readonly deps: SharingServiceDeps) {}

  /** The teams a learner can share with: theirs, with a learning channel set. */
  async targetsFor(learner: Learner, given?: LearnerReads): Promise<{ teamId: string; name: string }[]> {
    const reads = readsOf(this.deps, learner, given);
    const teamIds = await reads.teamIds();
    const settings = await Promise.all(teamIds.map((teamId) => reads.settings(teamId)));
    return settings.filter((s) => s?.sharesChannelId).map((s) => ({ teamId: s!.teamId, name: s!.name }));
  }

  /** Why the learner cannot share with this team, if they cannot. */
  async problemWith(learner: Learner, teamId: string): Promise<ShareTargetProblem | undefined> {
    const [member, settings] = await Promise.all([
      this.deps.teams.getMember(learner.tenantId, teamId, learner.userId),
      this.deps.teams.getSettings(learner.tenantId, teamId),
    ]);
    if (!member) return 'not_member';
    if (!settings?.sharesChannelId) return 'no_channel';
    return undefined;
  }

  /**
   * Shares a saved entry with the team: the share is stored first (so the card's buttons find it),
   * then posted to the team's learning channel in the background. Sharing the same entry twice
   * finds the first share.
   */
  async shareEntry(learner: Learner, entry: LearningEntry, teamId: string, parts: readonly SharePart[]): Promise<ShareOutcome> {
    const [member, settings] = await Promise.all([
      this.deps.teams.getMember(learner.tenantId, teamId, learner.userId),
      this.deps.teams.getSettings(learner.tenantId, teamId),
    ]);
    if (!member) return { status: 'not_member' };
    if (!settings?.sharesChannelId) return { status: 'no_channel' };
    const content = shareContentOf(entry, parts);
    const canonical = content.link ? normalizeLink(content.link) : null;
    const share: Share = {
      tenantId: learner.tenantId,
      teamId,
      shareId: entry.id,
      sharerId: learner.userId,
      sharerName: member.displayName,
      ...content,
      resourceKey: canonical ? resourceKeyOf(canonical) : null,
      createdAt: this.deps.clock().toISOString(),
      withdrawnAt: null,
      channelId: settings.sharesChannelId,
      activityId: null,
      tally: content.sharerRating !== null ? { ...EMPTY_TALLY, ratingSum: content.sharerRating, ratingCount: 1 } : EMPTY_TALLY,
    };
    if (!(await this.deps.shares.create(share))) {
      const existing = await this.deps.shares.get(learner.tenantId, teamId, entry.id);
      return existing ? { status: 'shared', share: existing.share } : { status: 'not_member' };
    }
    await this.deps.xapi?.record({ kind: 'shared', share });
    this.inBackground(this.post(share));
    return { status: 'shared', share };
  }

  /** A person's Helpful, Save or rating on a share; concurrent marks from many people all count, once each. */
  async vote(voter: Learner, teamId: string, shareId: string, change: VoteChange): Promise<VoteResult> {
    // Taking a share off one's own saved list is always allowed: after it was withdrawn, or after leaving the team.
    const unsaveOnly =
      change.kind === 'set' && change.update.saved === false && change.update.helpful === undefined && change.update.rating === undefined;
    const member = await this.deps.teams.getMember(voter.tenantId, teamId, voter.userId);
    if (!member && !unsaveOnly) return { status: 'not_member' };
    // Someone who left the team, or anyone once the share is withdrawn, may still unsave it, and learns nothing of it.
    const done = (share: Share, mine: MyShareVote): VoteResult =>
      member && !share.withdrawnAt ? { status: 'ok', share, mine } : { status: 'unsaved', mine };
    for (let attempt = 0; attempt < MAX_VOTE_ATTEMPTS; attempt++) {
      const [found, stored] = await Promise.all([
        this.deps.shares.get(voter.tenantId, teamId, shareId),
        this.deps.shares.getVote(voter.tenantId, teamId, shareId, voter.userId),
      ]);
      if (!found) return { status: 'not_found' };
      const { share } = found;
      if (share.withdrawnAt && !unsaveOnly) return { status: 'withdrawn', share };
      const before = stored.vote;
      const outcome = applyVoteChange(before, change, share.sharerId === voter.userId);
      if (!outcome.ok) return { status: 'own_share', share, mine: before ?? NO_VOTE };
      if (sameVote(before, outcome.vote)) {
        // Nothing to count, but the saved list follows the vote even if an earlier write to it was lost.
        if (unsaveOnly) await this.deps.shares.setSaved(voter.tenantId, voter.userId, { teamId, shareId, savedAt: '' }, false);
        return done(share, outcome.vote);
      }
      const vote: ShareVote = {
        ...outcome.vote,
        userId: voter.userId,
        resourceKey: share.resourceKey,
        at: this.deps.clock().toISOString(),
      };
      // Only this person's row is written here; a second click racing the first finds it changed and starts over.
      if (await this.deps.shares.writeVote(voter.tenantId, teamId, shareId, vote, stored.etag)) {
        if (vote.rating !== null && vote.rating !== before?.rating)
          await this.deps.xapi?.record({ kind: 'rated', share, voterId: voter.userId, rating: vote.rating, at: vote.at });
        const counted = (await this.recount(share)) ?? share;
        await this.afterVote(voter, counted, before ?? NO_VOTE, outcome.vote);
        return done(counted, outcome.vote);
      }
    }
    throw new Error('The vote kept changing while it was being recorded');
  }

  /**
   * Brings a share's counters up to date from its vote rows and answers with the share as
   * counted. Every caller gets a recount that began after its own vote was written; callers
   * arriving together share one, so a burst of clicks costs a few recounts, not one each.
   * The counters are written only if the share row is unchanged since the recount first read
   * it (read, list the votes, write), so recounts racing on other instances converge on the
   * true count.
   */
  private recount(share: Share): Promise<Share | undefined> {
    const key = `${share.tenantId}\u0000${share.teamId}\u0000${share.shareId}`;
    return this.recounts.run(key, async () => {
      for (let attempt = 0; attempt < MAX_RECOUNT_ATTEMPTS; attempt++) {
        const found = await this.deps.shares.get(share.tenantId, share.teamId, share.shareId);
        if (!found) return undefined;
        const votes = await this.deps.shares.listShareVotes(share.tenantId, share.teamId, share.shareId);
        const tally = tallyOf(votes);
        if (await this.deps.shares.writeTally(found.share, found.etag, tally)) return { ...found.share, tally };
        await sleep(Math.random() * 20 * (attempt + 1));
      }
      throw new Error('The share kept changing while its marks were being counted');
    });
  }

  /** The person's own marks, for their view of a card. */
  async marksOf(
    viewer: Learner,
    teamId: string,
    shareId: string,
  ): Promise<{ share: Share; mine: MyShareVote } | { status: 'not_member' | 'not_found' }> {
    const [member, found, stored] = await Promise.all([
      this.deps.teams.getMember(viewer.tenantId, teamId, viewer.userId),
      this.deps.shares.get(viewer.tenantId, teamId, shareId),
      this.deps.shares.getVote(viewer.tenantId, teamId, shareId, viewer.userId),
    ]);
    if (!member) return { status: 'not_member' };
    if (!found) return { status: 'not_found' };
    return { share: found.share, mine: stored.vote ?? NO_VOTE };
  }

  /**
   * Carries an edit of a shared entry to its shares: the parts that were shared show the new
   * words, the sharer's rating moves with the entry's, and the channel's card follows.
   */
  async entryEdited(learner: Learner, entry: LearningEntry): Promise<number> {
    const teamIds = await this.deps.teams.teamsOf(learner.tenantId, learner.userId);
    let changed = 0;
    for (const teamId of teamIds) {
      for (let attempt = 0; attempt < 5; attempt++) {
        const found = await this.deps.shares.get(learner.tenantId, teamId, entry.id);
        if (!found || found.share.sharerId !== learner.userId || found.share.withdrawnAt) break;
        const before = found.share;
        const parts = SHARE_PARTS.filter((p) => before[p] !== null);
        const content = shareContentOf(entry, parts);
        const canonical = content.link ? normalizeLink(content.link) : null;
        const after: Share = { ...before, ...content, resourceKey: canonical ? resourceKeyOf(canonical) : null };
        if (!(await this.deps.shares.replace(after, found.etag))) continue;
        changed++;
        if (after.sharerRating !== before.sharerRating || after.resourceKey !== before.resourceKey) await this.setSharerRating(after);
        this.inBackground(this.refreshCard(after));
        break;
      }
    }
    return changed;
  }

  /** The sharer's own vote carries their rating (and the resource it is about); the counters are recounted after. */
  private async setSharerRating(share: Share): Promise<void> {
    for (let attempt = 0; attempt < MAX_VOTE_ATTEMPTS; attempt++) {
      const stored = await this.deps.shares.getVote(share.tenantId, share.teamId, share.shareId, share.sharerId);
      const vote: ShareVote = {
        ...(stored.vote ?? NO_VOTE),
        userId: share.sharerId,
        rating: share.sharerRating,
        resourceKey: share.resourceKey,
        at: this.deps.clock().toISOString(),
      };
      if (await this.deps.shares.writeVote(share.tenantId, share.teamId, share.shareId, vote, stored.etag)) {
        await this.recount(share);
        return;
      }
    }
  }

  /** Withdraws the shares of an entry the learner deleted, and says so on each card. */
  async withdrawEntry(learner: Learner, entryId: string): Promise<number> {
    const teamIds = await this.deps.teams.teamsOf(learner.tenantId, learner.userId);
    let withdrawn = 0;
    for (const teamId of teamIds) {
      for (let attempt = 0; attempt < 5; attempt++) {
        const found = await this.deps.shares.get(learner.tenantId, teamId, entryId);
        if (!found || found.share.sharerId !== learner.userId || found.share.withdrawnAt) break;
        const at = this.deps.clock().toISOString();
        const cleared = await this.deps.shares.withdraw(found.share, found.etag, at);
        if (cleared) {
          withdrawn++;
          this.inBackground(this.refreshCard(cleared));
          break;
        }
      }
    }
    return withdrawn;
  }

  /** Waits for posts, card updates and notices started in the background (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.background.size > 0) await Promise.allSettled([...this.background]);
  }

  private async post(share: Share): Promise<void> {
    const target = { tenantId: share.tenantId, teamId: share.teamId, channelId: share.channelId };
    const activityId = await this.deps.publisher.post(target, { kind: 'share', share });
    if (!activityId) {
      this.deps.logger.warn({ teamId: share.teamId, shareId: share.shareId }, 'the share card could not be posted');
      return;
    }
    await this.deps.shares.setPosted(share, activityId);
    // Marks given before the post finished are on the stored share, not yet on the card.
    await this.refreshCard({ ...share, activityId });
  }

  private async afterVote(voter: Learner, share: Share, before: MyShareVote, after: MyShareVote): Promise<void> {
    if (before.saved !== after.saved) {
      await this.deps.shares.setSaved(
        voter.tenantId,
        voter.userId,
        { teamId: share.teamId, shareId: share.shareId, savedAt: this.deps.clock().toISOString() },
        after.saved,
      );
    }
    this.inBackground(this.refreshCard(share));
    if (after.helpful && !before.helpful) this.inBackground(this.tellSharer(share));
  }

  /** Brings the channel's card up to date with the stored share (see CardUpdates: latest state wins, nothing lost). */
  private refreshCard(share: Share): Promise<void> {
    return this.deps.cards.request(share);
  }

  /** At most one "your share helped" a day for each sharer, counted in their own time zone. */
  private async tellSharer(share: Share): Promise<void> {
    const key = `${share.tenantId}\u0000${share.sharerId}`;
    const now = this.deps.clock();
    const known = this.noticesClaimed.get(key);
    // Once today's notice is claimed, this instance asks storage again only when the sharer's day has turned.
    if (known && dayIn(now, known.zone) === known.day) return;
    const [profile, settings] = await Promise.all([
      this.deps.users.get(share.tenantId, share.sharerId),
      this.deps.teams.getSettings(share.tenantId, share.teamId),
    ]);
    const zone = profile?.timeZone ?? settings?.schedule?.timeZone ?? 'UTC';
    const day = dayIn(now, zone);
    const claimed = await this.deps.shares.claimHelpedNotice(share.tenantId, share.sharerId, day, now.toISOString());
    this.noticesClaimed.set(key, { day, zone });
    if (!claimed) return;
    await this.deps.publisher.tellPerson(share.tenantId, share.sharerId, {
      kind: 'share-helped',
      what: share.what,
      helpful: share.tally.helpful,
      teamName: settings?.name,
    });
  }

  private inBackground(work: Promise<unknown>): void {
    const tracked = work
      .catch((error: unknown) => this.deps.logger.warn({ err: error }, 'a share’s follow-up failed'))
      .finally(() => this.background.delete(tracked));
    this.background.add(tracked);
  }
}

function dayIn(now: Date, zone: string): string {
  return DateTime.fromJSDate(now, { zone }).toISODate() ?? now.toISOString().slice(0, 10);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
