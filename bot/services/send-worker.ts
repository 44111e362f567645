import type { Logger } from 'pino';
import type { LearningCapture } from './learning-capture.js';
import type { ConversationStore } from '../store/conversation-store.js';
import type { EntryStore } from '../store/entry-store.js';
import { minuteKey, type DueIndexStore } from '../store/due-index-store.js';
import type { SendRecord, SendStore } from '../store/send-store.js';
import type { TeamStore } from '../store/team-store.js';
import type { UserStore } from '../store/user-store.js';
import type { QueueMessage, WorkQueue } from '../store/work-queue.js';
import { scheduledCardId } from './scheduled-card-id.js';
import type { Clock } from './learner.js';
import type { Messenger, ProactiveTarget, SendOutcome } from './messenger.js';
import { newConversationId, type OutboundPacer } from './outbound-pacer.js';
import type { SendWork } from './send-work.js';
import type { RollupService } from './rollup-service.js';
import type { OutboundMessage } from './outbound-message.js';
import type { DigestService } from './digest-service.js';
import type { WeeklyRoundups } from './weekly-roundups.js';
import type { FollowUpService } from './follow-up-service.js';
import type { BehindReminders } from './behind-reminders.js';
import { noticeIsAbout } from './lead-notices.js';
import { HiddenWhileWorked } from './hidden-while-worked.js';
import { ClaimHeld } from './claim-held.js';

export interface SendWorkerDeps {
  queue: WorkQueue<SendWork>;
  poison: WorkQueue<SendWork & { reason: string }>;
  sends: SendStore;
  entries: EntryStore;
  dueIndex: DueIndexStore;
  users: UserStore;
  teams: TeamStore;
  conversations: ConversationStore;
  /** Counts a delivered check-in as awaiting an answer on the team's dashboard. */
  rollups?: RollupService;
  /** The learner's open goals, which every check-in asks about. */
  goals?: Pick<LearningCapture, 'goalsOptionFor' | 'recommendationsOptionFor'>;
  /** Builds a lead's weekly digest when its turn comes (the digest planner queues them). */
  digests?: Pick<DigestService, 'messageFor'>;
  /** Builds a team's weekly round-up for its learning channel (the scheduler plans them). */
  roundups?: Pick<WeeklyRoundups, 'deliveryOf'>;
  /** Builds a lead's reminder of a follow-up left waiting (the check-in scheduler queues them from the due index). */
  followUps?: Pick<FollowUpService, 'reminderFor'>;
  /** Builds a lead's weekly reminder while behind the expectation (the scheduler queues them from the due index). */
  behind?: Pick<BehindReminders, 'messageFor'>;
  messenger: Messenger;
  clock: Clock;
  logger: Logger;
  /** Every request to Teams waits here: the tenant's share of the app's rate and the conversation's limits. */
  pacer: Pick<OutboundPacer, 'acquire'>;
  maxAttempts?: number;
  claimSeconds?: number;
  random?: () => number;
}

const DEFAULT_MAX_ATTEMPTS = 6;

/**
 * Delivers queued check-ins, reminders, first hellos, leads' digests and their reminders of follow-ups, and teams' weekly round-ups. A send is claimed with an ETag before it goes out
 * and marked with its outcome after, so two workers never send the same record, and a worker
 * that dies mid-send leaves a claim that expires and is picked up again.
 */
export class SendWorker {
  private readonly maxAttempts: number;
  private readonly claimMs: number;

  constructor(private readonly deps: SendWorkerDeps) {
    this.maxAttempts = deps.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    this.claimMs = (deps.claimSeconds ?? 60) * 1000;
  }

  /** Takes up to `max` messages and works them concurrently; returns how many it handled. */
  async drainOnce(max = 32): Promise<number> {
    const messages = await this.deps.queue.receive(max, Math.ceil(this.claimMs / 1000));
    await Promise.all(messages.map((m) => this.handle(m)));
    return messages.length;
  }

  /**
   * Keeps up to `maxInFlight` sends going until stopped, topping up from the queue as they
   * finish, so one slow send (a server retrying after Retry-After) never holds up the rest.
   */
  async run(isRunning: () => boolean, maxInFlight = 64): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    while (isRunning()) {
      if (inFlight.size <= maxInFlight / 2) {
        let messages: Array<QueueMessage<SendWork>> = [];
        try {
          messages = await this.deps.queue.receive(Math.min(32, maxInFlight - inFlight.size), Math.ceil(this.claimMs / 1000));
        } catch (error) {
          this.deps.logger.error({ err: error }, 'could not read the send queue; retrying');
        }
        for (const message of messages) {
          const job: Promise<void> = this.handle(message)
            .catch((error: unknown) => this.deps.logger.error({ err: error, work: message.body }, 'send failed; the queue will retry it'))
            .finally(() => inFlight.delete(job));
          inFlight.add(job);
        }
        if (messages.length === 0 && inFlight.size === 0) {
          await new Promise((r) => setTimeout(r, 500));
          continue;
        }
      }
      await Promise.race([...inFlight, new Promise((r) => setTimeout(r, 50))]);
    }
    await Promise.all(inFlight);
  }

  async handle(message: QueueMessage<SendWork>): Promise<void> {
    const hidden = new HiddenWhileWorked(message, this.deps.queue, Math.ceil(this.claimMs / 1000), this.deps.logger);
    try {
      await this.work(message, hidden);
    } finally {
      await hidden.release();
    }
  }

  private async work(message: QueueMessage<SendWork>, hidden: HiddenWhileWorked<SendWork>): Promise<void> {
    const work = message.body;
    // A last resort against a message that can never be handled; failures are counted on the record.
    if (message.dequeueCount > 100)
      return this.park(await hidden.release(), `gave up after ${message.dequeueCount - 1} deliveries of the message`);
    let record = await this.deps.sends.get(work.tenantId, work.userId, work.cycle, work.kind);
    if (!record || ['sent', 'blocked', 'stale', 'failed', 'skipped'].includes(record.status))
      return this.deps.queue.delete(await hidden.release());

    const now = this.deps.clock();
    if (work.kind === 'reminder' || work.kind === 'snooze') {
      const checkIn = await this.deps.sends.get(work.tenantId, work.userId, work.cycle, 'checkin');
      if (checkIn?.respondedAt) {
        await this.deps.sends.update(record, { status: 'skipped' });
        return this.deps.queue.delete(await hidden.release());
      }
    }
    if (record.status === 'sending' && record.claimedUntil && new Date(record.claimedUntil) > now) {
      // Another worker holds it; look again when its claim runs out.
      await this.deps.queue.delay(await hidden.release(), (new Date(record.claimedUntil).getTime() - now.getTime()) / 1000 + 1);
      return;
    }
    const plan = record.kind === 'roundup' ? ((await this.deps.roundups?.deliveryOf(record)) ?? 'skipped') : await this.plan(record);
    // A round-up for a team whose conversation the app does not know yet: looked at again in a minute (until it is too late).
    if (plan === 'later') {
      // A fresh message rather than the same one delayed: waiting for the team's conversation does not count towards parking it.
      await this.deps.queue.send(work, { delaySeconds: 60 });
      return this.deps.queue.delete(await hidden.release());
    }
    if (plan === 'skipped') {
      await this.deps.sends.update(record, { status: 'skipped' });
      return this.deps.queue.delete(await hidden.release());
    }
    // The slot first, then the claim: a claim taken before a long wait for the slot could run out
    // while waiting, and another worker would send the same message. A worker that loses the race
    // for the claim gives its slot back.
    const slot =
      'target' in plan
        ? await this.deps.pacer.acquire({
            tenantId: record.tenantId,
            conversationId: plan.conversationId ?? newConversationId(plan.target.teamsUserId),
          })
        : undefined;
    let claim: ClaimHeld | undefined;
    try {
      record = await this.deps.sends.update(record, {
        status: 'sending',
        claimedUntil: new Date(this.deps.clock().getTime() + this.claimMs).toISOString(),
        attempts: record.attempts + 1,
      });
      if (!record) return; // lost the race for the claim: the winner sends
      claim = new ClaimHeld(record, this.deps.sends, this.claimMs, this.deps.clock, this.deps.logger);
      const outcome = 'target' in plan ? await this.deps.messenger.send(plan.target, plan.message, slot) : plan;
      await this.settle(hidden, claim, record, outcome);
    } finally {
      claim?.stop();
      slot?.giveBack();
    }
  }

  /**
   * Who the record goes to and what it says, read before the send is claimed; 'skipped' when it no
   * longer applies (a lead stepped back, the reader left the team), an outcome when nobody can be reached.
   */
  private async plan(
    record: SendRecord,
  ): Promise<{ target: ProactiveTarget; message: OutboundMessage; conversationId: string | undefined } | SendOutcome | 'skipped'> {
    const profile = await this.deps.users.get(record.tenantId, record.userId);
    const teamsUserId =
      profile?.teamsUserId ?? (await this.deps.teams.getMember(record.tenantId, record.teamId, record.userId))?.teamsUserId;
    const personal = (await this.deps.conversations.listFor(record.tenantId, 'personal', record.userId))[0];
    const channel = personal ?? (await this.deps.conversations.listFor(record.tenantId, 'channel', record.teamId))[0];
    if (!teamsUserId || !channel) return { kind: 'stale', message: 'no way to reach this learner yet' };
    const team =
      record.kind === 'intro' || record.kind === 'lead-notice' || !profile?.locale
        ? await this.deps.teams.getSettings(record.tenantId, record.teamId)
        : undefined;
    const message = await this.messageFor(record, profile, team?.name);
    if (!message) return 'skipped';
    return {
      target: {
        tenantId: record.tenantId,
        userId: record.userId,
        teamsUserId,
        serviceUrl: channel.serviceUrl,
        ...(personal ? { reference: personal.reference } : {}),
        // The language Teams last reported for them; someone who has never written to the bot reads their team's.
        locale: profile?.locale ?? team?.locale,
      },
      message,
      conversationId: personal?.conversationId,
    };
  }

  /** What the record stands for, as a message; undefined when it no longer applies (a digest or a lead's notice after they stepped back). */
  private async messageFor(
    record: SendRecord,
    profile: Awaited<ReturnType<UserStore['get']>>,
    teamName: string | undefined,
  ): Promise<OutboundMessage | undefined> {
    if (record.kind === 'digest') return this.deps.digests?.messageFor(record);
    if (record.kind === 'follow-up-reminder') return this.deps.followUps?.reminderFor(record);
    if (record.kind === 'behind-reminder') return this.deps.behind?.messageFor(record);
    if (record.kind === 'intro') return { kind: 'intro', displayName: profile?.displayName, teamName };
    if (record.kind === 'lead-notice') return this.leadNoticeOf(record, teamName);
    const cardId = scheduledCardId(record.tenantId, record.userId, record.cycle);
    // The team the check-in came from; whether it has a learning channel is checked if the learner shares.
    const shareWith = [{ teamId: record.teamId, name: '' }];
    const learner = { tenantId: record.tenantId, userId: record.userId };
    const [awaiting, goals, recommendations] = await Promise.all([
      this.deps.entries.actionsAwaiting(record.tenantId, record.userId, this.deps.clock()),
      profile?.hasOpenGoals ? this.deps.goals?.goalsOptionFor(learner, profile.timeZone ?? 'UTC') : undefined,
      // Only the team that sent this check-in: what its leads recommended.
      this.deps.goals?.recommendationsOptionFor(learner, record.teamId),
    ]);
    return {
      kind: record.kind === 'checkin' ? 'check-in' : 'reminder',
      cardId,
      cycle: record.cycle,
      shareWith,
      ...(goals ? { goals: goals.goals } : {}),
      ...(recommendations ? { recommendations: recommendations.items } : {}),
      ...(awaiting.length > 0
        ? { awaiting: awaiting.map((e) => ({ entryId: e.id, createdAt: e.createdAt, action: e.action ?? '' })) }
        : {}),
    };
  }

  /** Who became the team's lead, and since when the reader's entries are theirs to read; undefined once that is no longer so. */
  private async leadNoticeOf(record: SendRecord, teamName: string | undefined): Promise<OutboundMessage | undefined> {
    const [leads, reader] = await Promise.all([
      this.deps.teams.listLeads(record.tenantId, record.teamId),
      this.deps.teams.getMember(record.tenantId, record.teamId, record.userId),
    ]);
    const lead = leads.find((l) => noticeIsAbout(record.cycle, l.userId));
    if (!lead || !reader) return undefined;
    return { kind: 'lead-notice', leadName: lead.displayName, teamName, joinedAt: reader.joinedAt };
  }

  private async settle(hidden: HiddenWhileWorked<SendWork>, claim: ClaimHeld, record: SendRecord, outcome: SendOutcome): Promise<void> {
    const now = this.deps.clock();
    switch (outcome.kind) {
      case 'sent': {
        if (outcome.reference) {
          const conversationId = (JSON.parse(outcome.reference) as { conversation?: { id?: string } }).conversation?.id ?? '';
          await this.deps.conversations.save({
            tenantId: record.tenantId,
            scope: 'personal',
            ownerId: record.userId,
            conversationId,
            serviceUrl: (JSON.parse(outcome.reference) as { serviceUrl?: string }).serviceUrl ?? '',
            reference: outcome.reference,
            updatedAt: now.toISOString(),
          });
        }
        await claim.settle({
          status: 'sent',
          sentAt: now.toISOString(),
          ...(outcome.activityId ? { activityId: outcome.activityId } : {}),
        });
        if (record.kind === 'checkin') {
          // Independent follow-ups of one delivery: side by side, so the send's slot frees sooner.
          await Promise.all([this.scheduleReminder(record), this.deps.rollups?.checkInChanged(record, record.cycle, record.teamId)]);
        }
        await this.deps.queue.delete(await hidden.release());
        return;
      }
      case 'throttled':
        // Retry-After holds back this message. The attempt keeps its slot in the app-wide budget:
        // Teams counts requests, refused or not, and giving slots back makes throttling worse.
        await claim.settle({
          status: 'pending',
          claimedUntil: now.toISOString(),
          lastError: `429, retry after ${outcome.retryAfterMs} ms`,
        });
        await this.deps.queue.delay(await hidden.release(), outcome.retryAfterMs / 1000);
        return;
      case 'transient': {
        const failures = (record.failures ?? 0) + 1;
        if (failures >= this.maxAttempts) {
          await claim.settle({ status: 'pending', failures });
          return this.park(await hidden.release(), `${outcome.status}: ${outcome.message} (${failures} failures)`);
        }
        await claim.settle({
          status: 'pending',
          failures,
          claimedUntil: now.toISOString(),
          lastError: `${outcome.status}: ${outcome.message}`,
        });
        const backoffMs = Math.min(60_000, 500 * 2 ** (failures - 1)) * (0.5 + (this.deps.random ?? Math.random)());
        await this.deps.queue.delay(await hidden.release(), backoffMs / 1000);
        return;
      }
      case 'blocked':
      case 'stale':
        // Recorded and not retried: the learner removed the app, or the conversation is gone.
        await claim.settle({ status: outcome.kind, lastError: outcome.message });
        await this.deps.queue.delete(await hidden.release());
        return;
    }
  }

  /** The reminder is planned like a check-in, by the clock, and skipped if the learner answers first. */
  private async scheduleReminder(record: SendRecord): Promise<void> {
    const settings = await this.deps.teams.getSettings(record.tenantId, record.teamId);
    const hours = settings?.schedule?.reminderAfterHours;
    if (!hours) return;
    const at = new Date(new Date(record.dueAt).getTime() + hours * 3_600_000);
    await this.deps.dueIndex.putReminder({
      minute: minuteKey(at),
      tenantId: record.tenantId,
      userId: record.userId,
      teamId: record.teamId,
      cycle: record.cycle,
      dueAt: at.toISOString(),
    });
  }

  private async park(message: QueueMessage<SendWork>, reason: string): Promise<void> {
    const work = message.body;
    const record = await this.deps.sends.get(work.tenantId, work.userId, work.cycle, work.kind);
    if (record && record.status !== 'sent') await this.deps.sends.update({ ...record, etag: '*' }, { status: 'failed', lastError: reason });
    await this.deps.poison.send({ ...work, reason });
    await this.deps.queue.delete(message);
    this.deps.logger.warn({ work, reason }, 'parked a send that kept failing');
  }
}
