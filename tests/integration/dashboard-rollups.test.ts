import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCE_TYPES } from '../../bot/contract/learning-entry.js';
import { weekKeyOf, type MemberRollup } from '../../bot/domain/member-rollup.js';
import { scheduledCardId } from '../../bot/services/scheduled-card-id.js';
import { rollupsFromRaw } from '../../bot/testing/rollup-reference.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';

const BASE = new Date('2026-11-27T12:00:00Z').getTime();
const WEEK = 7 * 86_400_000;
const PEOPLE = ['u-ana', 'u-ben', 'u-cho'];

type Command =
  | { kind: 'add'; who: number; weeksAgo: number; hours: number; minutes: number | null; rating: number | null; source: number }
  | { kind: 'edit'; who: number; pick: number; minutes: number | null; rating: number | null; source: number }
  | { kind: 'delete'; who: number; pick: number }
  | { kind: 'checkIn'; who: number; weeksAgo: number; answer: 'none' | 'nothing' }
  | { kind: 'pause'; who: number; paused: boolean };

const who = fc.integer({ min: 0, max: PEOPLE.length - 1 });
const minutes = fc.option(fc.integer({ min: 1, max: 300 }));
const rating = fc.option(fc.integer({ min: 1, max: 5 }));
const source = fc.integer({ min: 0, max: SOURCE_TYPES.length - 1 });
const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      who,
      weeksAgo: fc.integer({ min: 0, max: 55 }),
      hours: fc.integer({ min: 0, max: 167 }),
      minutes,
      rating,
      source,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('edit' as const), who, pick: fc.nat(), minutes, rating, source }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), who, pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('checkIn' as const),
      who,
      weeksAgo: fc.integer({ min: 0, max: 55 }),
      answer: fc.constantFrom('none' as const, 'nothing' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('pause' as const), who, paused: fc.boolean() }) },
);

describe('team rollups (Azurite)', () => {
  let service: RunningTestService;
  let now = BASE;
  // Each run gets its own tenant, so no run sees another's learners.
  let TENANT = '';
  beforeAll(async () => {
    service = await startTestService({}, { clock: () => new Date(now) });
  });
  afterAll(() => service.stop());

  async function newTeam(zone: string): Promise<string> {
    TENANT = randomUUID();
    const teamId = `19:${randomUUID()}@thread.tacv2`;
    await service.services.teams.installed({ tenantId: TENANT, teamId, name: 'Rollup team', installer: undefined, roster: [] });
    const settings = (await service.stores.teams.getSettings(TENANT, teamId))!;
    await service.stores.teams.saveSettings({
      ...settings,
      schedule: { cadence: 'weekly', weekday: 5, localTime: '16:00', timeZone: zone, reminderAfterHours: 24, anchorMonday: '2025-01-06' },
    });
    for (const userId of PEOPLE) {
      await service.stores.teams.upsertMember({
        tenantId: TENANT,
        teamId,
        userId,
        teamsUserId: `29:${userId}`,
        displayName: userId,
        role: 'member',
        joinedAt: new Date(BASE).toISOString(),
      });
    }
    return teamId;
  }

  async function run(teamId: string, c: Command): Promise<void> {
    const learner = { tenantId: TENANT, userId: PEOPLE[c.who]! };
    const { checkIns, learningLog, people } = service.services;
    if (c.kind === 'add') {
      now = BASE - c.weeksAgo * WEEK + c.hours * 3_600_000 - 84 * 3_600_000;
      const data = {
        cardId: randomUUID(),
        what: 'Something learned',
        sourceType: SOURCE_TYPES[c.source],
        minutes: c.minutes ?? '',
        rating: c.rating ?? '',
      };
      expect((await checkIns.submit(learner, data)).status).toBe('saved');
    } else if (c.kind === 'edit' || c.kind === 'delete') {
      const mine = (await learningLog.listMine(learner, { limit: 100 })).entries;
      const target = mine[c.pick % Math.max(mine.length, 1)];
      if (!target) return;
      if (c.kind === 'delete') expect(await learningLog.deleteMine(learner, target.id)).toBe(true);
      else
        expect(
          (await learningLog.editMine(learner, target.id, { minutes: c.minutes, rating: c.rating, sourceType: SOURCE_TYPES[c.source] }))
            .status,
        ).toBe('saved');
    } else if (c.kind === 'checkIn') {
      // As the send worker does when a check-in is delivered, then (maybe) the learner's answer.
      now = BASE - c.weeksAgo * WEEK;
      const cycle = weekKeyOf(new Date(now), 'Europe/London');
      await service.stores.sends.createIfAbsent({ ...learner, cycle, kind: 'checkin', teamId, dueAt: new Date(now).toISOString() });
      const record = (await service.stores.sends.get(TENANT, learner.userId, cycle, 'checkin'))!;
      if (!record.sentAt) await service.stores.sends.update(record, { status: 'sent', sentAt: new Date(now).toISOString() });
      await service.rollups.checkInChanged(learner, cycle, teamId);
      if (c.answer === 'nothing') {
        expect(await checkIns.nothingThisWeek(learner, { cardId: scheduledCardId(TENANT, learner.userId, cycle), cycle })).toMatchObject({
          ok: true,
        });
      }
    } else if (c.paused) {
      await people.pause(learner);
    } else {
      await people.resume(learner);
    }
  }

  it('equal a recomputation from raw entries after random inserts, edits, deletes and answers, some at once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(command, { minLength: 1, maxLength: 3 }), { minLength: 3, maxLength: 10 }),
        fc.constantFrom('Europe/London', 'America/Los_Angeles', 'Asia/Tokyo'),
        async (batches, zone) => {
          const teamId = await newTeam(zone);
          for (const batch of batches) {
            // Commands in a batch run concurrently, racing on the same members' rollups.
            await Promise.all(batch.map((c) => run(teamId, c)));
          }
          now = BASE;
          const kept = await service.stores.rollups.listTeam(TENANT, teamId);
          const reference = (await rollupsFromRaw(service.stores, TENANT, teamId, new Date(BASE))).filter(hasAnything);
          expect(sorted(kept.filter(hasAnything))).toEqual(sorted(reference));
        },
      ),
      { numRuns: 12, seed: 20261129 },
    );
  }, 120_000);
});

function hasAnything(r: MemberRollup): boolean {
  return r.paused || Object.keys(r.weeks).length > 0 || Object.keys(r.cycles).length > 0;
}

function sorted(rows: MemberRollup[]): MemberRollup[] {
  return [...rows].sort((a, b) => a.userId.localeCompare(b.userId));
}
