import type { Logger } from 'pino';
import { tallyOf, type Share } from '../domain/share.js';
import type { ShareStore } from '../store/share-store.js';
import type { Learner } from './learner.js';
import type { OutboundMessage } from './outbound-message.js';
import type { ChannelPost, SharePublisher } from './share-publisher.js';
import type { WeeklyRoundups } from './weekly-roundups.js';

const MAX_RECOUNT_ATTEMPTS = 20;

export interface ShareErasureDeps {
  shares: ShareStore;
  publisher: SharePublisher;
  logger: Logger;
  /** The weekly round-ups that listed the erased shares, told again without them. */
  roundups?: Pick<WeeklyRoundups, 'updatesAfterRemoving'>;
}

/**
 * Takes a person out of their teams' shares. Their own shares go, with every mark on them, and
 * the channel's card says the share was removed. Their marks on others' shares go, and those
 * shares' counters are recounted without them. Every step can run again: a share or mark is
 * found until the last of its rows is deleted.
 */
export class ShareErasure {
  constructor(private readonly deps: ShareErasureDeps) {}

  async removeSharesOf(person: Learner): Promise<number> {
    const shares = await this.deps.shares.listSharesBy(person.tenantId, person.userId);
    for (const share of shares) {
      // The card first: once the share's row is gone, nothing says where its card is.
      if (share.activityId) await this.updateCard(share, { kind: 'share-removed' });
      // Others' saved lists lose it too; the marks say whose lists hold it.
      for (const vote of await this.deps.shares.listShareVotes(share.tenantId, share.teamId, share.shareId)) {
        if (vote.saved)
          await this.deps.shares.setSaved(
            share.tenantId,
            vote.userId,
            { teamId: share.teamId, shareId: share.shareId, savedAt: '' },
            false,
          );
      }
      await this.deps.shares.deleteShare(share.tenantId, share.teamId, share.shareId);
    }
    for (const { post, message } of (await this.deps.roundups?.updatesAfterRemoving(shares)) ?? []) await this.update(post, message);
    return shares.length;
  }

  async removeMarksOf(person: Learner): Promise<number> {
    const marks = await this.deps.shares.listVotesBy(person.tenantId, person.userId);
    for (const mark of marks) {
      // Counted without the mark before it goes, so a run stopped between the two leaves the counters right.
      await this.recount(person.tenantId, mark.teamId, mark.shareId, person.userId);
      await this.deps.shares.deleteVote(person.tenantId, mark.teamId, mark.shareId, person.userId);
      // A vote's recount racing the first one may have counted the mark again: once more, now the row is gone.
      const counted = await this.recount(person.tenantId, mark.teamId, mark.shareId);
      if (counted?.activityId && !counted.withdrawnAt) await this.updateCard(counted, { kind: 'share', share: counted });
    }
    return marks.length;
  }

  /** Writes the share's counters from its marks (less one person's), if the share is unchanged since read; the share as counted. */
  private async recount(tenantId: string, teamId: string, shareId: string, without?: string): Promise<Share | undefined> {
    for (let attempt = 0; attempt < MAX_RECOUNT_ATTEMPTS; attempt++) {
      const found = await this.deps.shares.get(tenantId, teamId, shareId);
      if (!found) return undefined;
      const votes = await this.deps.shares.listShareVotes(tenantId, teamId, shareId);
      const tally = tallyOf(votes.filter((v) => v.userId !== without));
      if (await this.deps.shares.writeTally(found.share, found.etag, tally)) return { ...found.share, tally };
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * (attempt + 1)));
    }
    throw new Error('The share kept changing while its marks were being counted');
  }

  /**
   * Best effort: the erasure goes on if Teams cannot update the card (the channel or message may be
   * gone). The pacer keeps the updates within the channel's limits.
   */
  private async updateCard(share: Share, message: OutboundMessage): Promise<void> {
    if (!share.activityId) return;
    await this.update(
      { tenantId: share.tenantId, teamId: share.teamId, channelId: share.channelId, activityId: share.activityId },
      message,
    );
  }

  private async update(post: ChannelPost & { activityId: string }, message: OutboundMessage): Promise<void> {
    try {
      if (!(await this.deps.publisher.update(post, message)))
        this.deps.logger.warn({ teamId: post.teamId, kind: message.kind }, 'a card could not be updated while erasing');
    } catch (error) {
      this.deps.logger.warn({ err: error, teamId: post.teamId, kind: message.kind }, 'a card could not be updated while erasing');
    }
  }
}
