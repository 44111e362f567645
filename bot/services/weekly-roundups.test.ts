import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { TeamSettings } from '../contract/team-settings.js';
import { EMPTY_TALLY, type Share } from '../domain/share.js';
import type { ConversationRecord } from '../store/conversation-store.js';
import type { DueEntry } from '../store/due-index-store.js';
import type { SendWork } from './send-work.js';
import { WeeklyRoundups } from './weekly-roundups.js';

const settings: TeamSettings = {
  tenantId: 't1',
  teamId: '19:team',
  name: 'Alpha',
  schedule: {
    cadence: 'weekly',
    weekday: 5,
    localTime: '16:00',
    timeZone: 'Europe/London',
    reminderAfterHours: 24,
    anchorMonday: '2026-11-30',
  },
  sharesChannelId: '19:shares',
  updatedBy: null,
  updatedAt: '2026-11-30T09:00:00Z',
  locale: 'es-ES',
};
const channel: ConversationRecord = {
  tenantId: 't1',
  scope: 'channel',
  ownerId: '19:team',
  conversationId: '19:team',
  serviceUrl: 'https://smba.example/',
  reference: '{"conversation":{"id":"19:team"}}',
  updatedAt: '2026-11-30T09:00:00Z',
};
const share: Share = {
  tenantId: 't1',
  teamId: '19:team',
  shareId: 's1',
  sharerId: 'u1',
  sharerName: 'Megan',
  what: 'UX 101',
  sourceType: 'course',
  link: null,
  resourceKey: null,
  insight: null,
  action: null,
  sharerRating: 4,
  createdAt: '2026-12-01T10:00:00Z',
  withdrawnAt: null,
  channelId: '19:shares',
  activityId: null,
  tally: { ...EMPTY_TALLY, helpful: 2 },
};
const record = { tenantId: 't1', teamId: '19:team', cycle: '2026-W49', dueAt: '2026-12-04T15:00:00.000Z' };

function roundups(over: { settings?: TeamSettings | undefined; channels?: ConversationRecord[]; now?: string } = {}) {
  const filed: DueEntry[] = [];
  const removed: string[] = [];
  const queued: SendWork[] = [];
  const created: unknown[] = [];
  const service = new WeeklyRoundups({
    teams: { getSettings: async () => ('settings' in over ? over.settings : settings) },
    dueIndex: {
      putRoundup: async (e) => void filed.push({ ...e, kind: 'roundup', userId: e.teamId }),
      removeRoundup: async (_t, teamId) => void removed.push(teamId),
      hasRoundup: async () => filed.length > 0,
    },
    sends: { createIfAbsent: async (r) => (created.push(r), true), get: async () => undefined },
    queue: { send: async (w) => (queued.push(w), { messageId: 'm', popReceipt: 'p' }) },
    shares: { sharedSince: async () => ['s1'], get: async () => ({ share, etag: 'e' }) },
    rollups: {
      async *streamTeam() {
        yield {
          userId: 'u1',
          etag: 'e',
          writtenAt: 0,
          decode: () => ({
            userId: 'u1',
            weeks: {
              '2026-W49': { entries: 2, minutes: 50, ratingSum: 0, ratingCount: 0, lastAt: 0, sources: {}, insights: 0, actions: 0 },
            },
            cycles: {},
            paused: false,
            goals: [],
          }),
        };
      },
    },
    conversations: { listFor: async () => over.channels ?? [channel] },
    clock: () => new Date(over.now ?? '2026-12-04T15:01:00Z'),
    logger: pino({ level: 'silent' }),
  });
  return { service, filed, removed, queued, created };
}

describe('WeeklyRoundups', () => {
  it('posts to the team’s learning channel in the team’s language, through its stored conversation', async () => {
    const delivery = await roundups().service.deliveryOf(record);
    expect(delivery).toMatchObject({
      target: { tenantId: 't1', reference: channel.reference, serviceUrl: channel.serviceUrl, channelId: '19:shares', locale: 'es-ES' },
      message: { kind: 'weekly-roundup', roundup: { teamName: 'Alpha', people: 1, minutes: 50, shares: [{ shareId: 's1', helpful: 2 }] } },
      conversationId: '19:shares',
    });
  });

  it('looks again later while the app does not know the team’s conversation, and drops a round-up two days late', async () => {
    expect(await roundups({ channels: [] }).service.deliveryOf(record)).toBe('later');
    expect(await roundups({ channels: [], now: '2026-12-06T15:01:00Z' }).service.deliveryOf(record)).toBe('skipped');
  });

  it('skips a round-up turned off, or of a team without a learning channel', async () => {
    expect(await roundups({ settings: { ...settings, roundup: { enabled: false, weekday: 5 } } }).service.deliveryOf(record)).toBe(
      'skipped',
    );
    expect(await roundups({ settings: { ...settings, sharesChannelId: null } }).service.deliveryOf(record)).toBe('skipped');
  });

  it('plans a due round-up once per team and week and files the next; plans nothing once it is off', async () => {
    const entry: DueEntry = {
      kind: 'roundup',
      minute: '202612041500',
      tenantId: 't1',
      userId: '19:team',
      teamId: '19:team',
      cycle: '2026-W49',
      dueAt: record.dueAt,
    };
    const on = roundups();
    await on.service.planDue(entry);
    expect(on.created).toEqual([
      { kind: 'roundup', tenantId: 't1', userId: '19:team', teamId: '19:team', cycle: '2026-W49', dueAt: record.dueAt },
    ]);
    expect(on.queued).toHaveLength(1);
    expect(on.filed).toMatchObject([{ cycle: '2026-W50', dueAt: '2026-12-11T15:00:00.000Z', minute: '202612111500' }]);
    const off = roundups({ settings: { ...settings, roundup: { enabled: false, weekday: 5 } } });
    await off.service.planDue(entry);
    expect([off.created, off.queued, off.filed]).toEqual([[], [], []]);
    await off.service.settingsChanged({ ...settings, roundup: { enabled: false, weekday: 5 } }, new Date());
    expect(off.removed).toEqual(['19:team']);
  });

  it('files a team’s first round-up once when its check-ins are planned, and remembers it has', async () => {
    const { service, filed } = roundups();
    await service.ensureFiled('t1', '19:team');
    await service.ensureFiled('t1', '19:team');
    expect(filed).toHaveLength(1);
  });
});
