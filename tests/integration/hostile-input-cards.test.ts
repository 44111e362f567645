import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_IN_NEW_VERB } from '../../bot/cards/check-in-saved-card.js';
import { CHECK_IN_NOTHING_VERB, CHECK_IN_SNOOZE_VERB, CHECK_IN_SUBMIT_VERB } from '../../bot/cards/check-in-card.js';
import { ACTION_ANSWER_VERB } from '../../bot/cards/ask-how-it-went-card.js';
import { SHARE_PROMPT_VERB } from '../../bot/cards/share-prompt-card.js';
import { COACHING_ANSWER_VERB } from '../../bot/cards/coaching-cards.js';
import { DIGEST_NUDGE_VERB } from '../../bot/cards/digest-card.js';
import { GOAL_NEW_VERB, GOAL_SUBMIT_VERB } from '../../bot/cards/goal-cards.js';
import { DIALOG_KEY } from '../../bot/cards/learning-dialog-card.js';
import { MY_DATA_ERASE_VERB } from '../../bot/cards/my-data-cards.js';
import { NUDGE_REPLY_VERB } from '../../bot/cards/nudge-cards.js';
import { SHARE_HELPFUL_VERB, SHARE_RATE_VERB, SHARE_REFRESH_VERB, SHARE_SAVE_VERB } from '../../bot/cards/share-card.js';
import { TEAM_SETUP_OPEN_VERB, TEAM_SETUP_SUBMIT_VERB } from '../../bot/cards/team-setup-cards.js';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import { DEMO_SHARES_CHANNEL } from '../../bot/demo/seed-demo-shares.js';
import { isEraseConfirmation } from '../../bot/contract/my-data.js';
import { NUDGE_ANSWERS } from '../../bot/contract/nudge-rules.js';
import { SHARE_PARTS } from '../../bot/domain/share.js';
import { tableClients } from '../../bot/store/table-clients.js';
import { parseCommand } from '../../bot/teams/command-parser.js';
import { COMPOSE_SHARE_COMMAND, SAVE_MESSAGE_COMMAND } from '../../bot/teams/learning-dialogs.js';
import { inTeamChannel, messageActivity } from '../../bot/testing/activities.js';
import { startFakeConnector } from '../../bot/testing/fake-connector.js';
import { cardCheckInFields, goalFields, scheduleFields } from '../../bot/testing/hostile-fields.js';
import {
  blank,
  brokenObject,
  expectRefusedWithoutWrites,
  hostileJson,
  hostileText,
  longText,
  notOfKind,
  notOneOf,
  tooLong,
  type FieldSpec,
} from '../../bot/testing/hostile-values.js';
import { describeChanges, snapshotTables, tableChanges } from '../../bot/testing/table-snapshot.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';

/**
 * The security issue's generated-input test for what Teams sends the bot: every card verb,
 * dialog and message-extension invoke and typed command gets over a thousand hostile inputs
 * (wrong types, missing fields, 100 KB strings, control characters, odd Unicode, markup,
 * mention and OData injection). Each must be answered without a 5xx, with an error card or the
 * form stating its problem, and leave every table as it was.
 */

const PER_ENTRY_POINT = 1000;
const BATCH = 500;
const CONCURRENCY = 8;

const [lead, learner, member] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!, DEMO_PEOPLE[2]!];
const PEOPLE = { lead, learner, member } as const;
type Who = keyof typeof PEOPLE;

interface Fixtures {
  shareId: string;
  noteId: string;
  nudgeId: string;
}

/** What must come back: a refusal (an error card, or the form stating its problem), or simply an answer. */
type Expect = { kind: 'refusal'; unless?: RegExp } | { kind: 'answer' } | { kind: 'reply' };

interface EntryPoint {
  name: string;
  who: Who;
  inTeam?: boolean;
  /** The invoke's name and value, or a message's text. */
  input: (f: Fixtures) => fc.Arbitrary<{ name: string; value: unknown } | { text: string }>;
  expect: Expect;
}

interface Sent {
  id: string;
  activity: unknown;
  toJSON(): unknown;
}
interface Answer {
  status: number;
  body: unknown;
}

const text = (...values: string[]) => fc.constantFrom(...values);
const KNOWN_VERBS = [
  CHECK_IN_SUBMIT_VERB,
  CHECK_IN_NOTHING_VERB,
  CHECK_IN_SNOOZE_VERB,
  CHECK_IN_NEW_VERB,
  GOAL_NEW_VERB,
  GOAL_SUBMIT_VERB,
  TEAM_SETUP_OPEN_VERB,
  TEAM_SETUP_SUBMIT_VERB,
  DIGEST_NUDGE_VERB,
  COACHING_ANSWER_VERB,
  NUDGE_REPLY_VERB,
  SHARE_HELPFUL_VERB,
  SHARE_SAVE_VERB,
  SHARE_RATE_VERB,
  SHARE_REFRESH_VERB,
  MY_DATA_ERASE_VERB,
  ACTION_ANSWER_VERB,
  SHARE_PROMPT_VERB,
];

const action = (verb: unknown, data: unknown) => ({
  name: 'adaptiveCard/action',
  value: { action: { type: 'Action.Execute', verb, data } },
});
const verbWith = (verb: string, data: fc.Arbitrary<unknown>) => () => data.map((d) => action(verb, d));
/** Data that is not an object at all: a string, a number, an array, null. */
const notAnObject = notOfKind('object');
const objectOf = (fields: Record<string, FieldSpec>) => fc.record(Object.fromEntries(Object.entries(fields).map(([n, f]) => [n, f.valid])));
const anyTeamId = hostileText(300);

/** A check-in from a card or dialog that cannot be saved: its own fields broken, or a share that cannot be made. */
function unsavableCheckIn(shareOnly: boolean): fc.Arbitrary<Record<string, unknown>> {
  const fields = cardCheckInFields();
  const validShare = { shareWithTeam: 'true', shareTeamId: DEMO_TEAM.id, shareParts: 'insight,link' };
  const badParts = hostileText(200).filter((s) =>
    s.split(',').some((p) => p.trim() !== '' && !(SHARE_PARTS as readonly string[]).includes(p.trim())),
  );
  return fc.oneof(
    // A share, when one must be made, to a team the learner can share with: the check-in itself is what fails.
    brokenObject(fields, { strict: false }).map((d) => (shareOnly ? { ...d, ...validShare } : d)),
    fc.tuple(objectOf(fields), anyTeamId).map(([d, team]) => ({ ...d, shareWithTeam: 'true', shareTeamId: team })),
    fc.tuple(objectOf(fields), badParts).map(([d, parts]) => ({ ...d, ...validShare, shareParts: parts })),
    ...(shareOnly ? [objectOf(fields).map(({ shareTeamId: _t, ...d }) => d)] : []),
  );
}

/** Teams-ish message bodies: HTML with mentions, links and entities, hostile or huge. */
const messageBody = fc.record({
  contentType: fc.oneof(text('html', 'text', 'HTML'), hostileText(20), notOfKind('string')),
  content: fc.oneof(
    hostileText(3000),
    hostileText(200).map(
      (t) => `<p><at>Megan</at> ${t} <a href="javascript:alert(1)">${t}</a> &amp;&#0;&#xD800;&bogus; <img src=x onerror=alert(1)></p>`,
    ),
    longText(100_000, 120_000).map((t) => `<div>${t}`),
    notOfKind('string'),
  ),
});

const ENTRY_POINTS: readonly EntryPoint[] = [
  {
    name: CHECK_IN_SUBMIT_VERB,
    who: 'learner',
    input: verbWith(
      CHECK_IN_SUBMIT_VERB,
      fc.oneof(
        unsavableCheckIn(false),
        unsavableCheckIn(true).map((d) => ({ ...d, purpose: 'share' })),
        notAnObject,
      ),
    ),
    expect: { kind: 'refusal' },
  },
  ...[CHECK_IN_NOTHING_VERB, CHECK_IN_SNOOZE_VERB].map((verb): EntryPoint => ({
    name: verb,
    who: 'learner',
    // No card id but the scheduler's own for a cycle the learner was sent opens these.
    input: verbWith(
      verb,
      fc.oneof(
        brokenObject(
          { cardId: { valid: fc.uuid(), invalid: hostileText(300) }, cycle: { valid: text('2026-W01'), invalid: hostileText(100) } },
          { strict: false },
        ),
        hostileJson,
      ),
    ),
    expect: { kind: 'refusal' },
  })),
  // These take no data: whatever comes with them is ignored, and a fresh form comes back.
  { name: CHECK_IN_NEW_VERB, who: 'learner', input: verbWith(CHECK_IN_NEW_VERB, hostileJson), expect: { kind: 'answer' } },
  { name: GOAL_NEW_VERB, who: 'learner', input: verbWith(GOAL_NEW_VERB, hostileJson), expect: { kind: 'answer' } },
  { name: TEAM_SETUP_OPEN_VERB, who: 'lead', inTeam: true, input: verbWith(TEAM_SETUP_OPEN_VERB, hostileJson), expect: { kind: 'answer' } },
  {
    name: GOAL_SUBMIT_VERB,
    who: 'learner',
    input: verbWith(GOAL_SUBMIT_VERB, fc.oneof(brokenObject(goalFields(), { strict: false }), notAnObject)),
    expect: { kind: 'refusal' },
  },
  {
    name: TEAM_SETUP_SUBMIT_VERB,
    who: 'lead',
    inTeam: true,
    input: () => {
      const fields = scheduleFields(DEMO_SHARES_CHANNEL);
      // A channel that is not one of the team's is refused too.
      const elsewhere = fc.tuple(objectOf(fields), hostileText(200)).map(([d, channel]) => ({ ...d, sharesChannelId: channel }));
      return fc.oneof(brokenObject(fields, { strict: false }), elsewhere, notAnObject).map((d) => action(TEAM_SETUP_SUBMIT_VERB, d));
    },
    expect: { kind: 'refusal' },
  },
  {
    name: DIGEST_NUDGE_VERB,
    who: 'lead',
    // A team the lead does not lead, or someone not on it: the digest says why, in place of "Nudge sent".
    input: verbWith(
      DIGEST_NUDGE_VERB,
      fc.oneof(
        brokenObject(
          {
            teamId: { valid: text(DEMO_TEAM.id), invalid: anyTeamId, required: true },
            userId: { valid: text(learner.userId), invalid: hostileText(300), required: true },
          },
          { strict: false },
        ),
        notAnObject,
      ),
    ),
    expect: { kind: 'refusal', unless: /Nudge (sent|recorded)/ },
  },
  {
    name: COACHING_ANSWER_VERB,
    who: 'learner',
    input: (f) =>
      verbWith(
        COACHING_ANSWER_VERB,
        fc.oneof(
          brokenObject(
            {
              noteId: { valid: text(f.noteId), invalid: hostileText(300), required: true },
              answer: { valid: text('Will do'), invalid: fc.oneof(blank, tooLong(1000), notOfKind('string')), required: true },
            },
            { strict: false },
          ),
          notAnObject,
        ),
      )(),
    expect: { kind: 'refusal' },
  },
  // An action that is not the learner's, or answers that break the rules: refused, nothing written.
  {
    name: ACTION_ANSWER_VERB,
    who: 'learner',
    input: () =>
      verbWith(
        ACTION_ANSWER_VERB,
        fc.oneof(
          brokenObject(
            {
              asked: {
                valid: fc.constant([{ entryId: 'entry-not-hers-0001', createdAt: '2026-11-02T09:00:00.000Z', action: 'Try it' }]),
                invalid: hostileJson,
                required: true,
              },
              'actionAnswer.0': { valid: text('result', 'notYet', 'dropped'), invalid: fc.oneof(hostileText(50), notOfKind('string')) },
              'actionResult.0': { valid: text('It worked'), invalid: fc.oneof(tooLong(1000), notOfKind('string')) },
            },
            { strict: false },
          ),
          notAnObject,
        ),
      )(),
    expect: { kind: 'refusal' },
  },
  // Share or Not now on an entry that is not the learner's, or a request nobody made: refused, nothing written.
  {
    name: SHARE_PROMPT_VERB,
    who: 'learner',
    input: () =>
      verbWith(
        SHARE_PROMPT_VERB,
        fc.oneof(
          brokenObject(
            {
              entryId: { valid: text('entry-not-hers-0001'), invalid: fc.oneof(hostileText(100), notOfKind('string')), required: true },
              answer: { valid: text('share', 'notNow'), invalid: fc.oneof(hostileText(50), notOfKind('string')), required: true },
              teamId: { valid: text(DEMO_TEAM.id), invalid: fc.oneof(hostileText(300), notOfKind('string')) },
              leadId: { valid: text(lead.userId), invalid: fc.oneof(hostileText(300), notOfKind('string')) },
              shareParts: { valid: text('insight', 'insight,link'), invalid: fc.oneof(tooLong(2000), notOfKind('string')) },
            },
            { strict: false },
          ),
          notAnObject,
        ),
      )(),
    expect: { kind: 'refusal' },
  },
  {
    name: NUDGE_REPLY_VERB,
    who: 'learner',
    input: (f) =>
      verbWith(
        NUDGE_REPLY_VERB,
        fc.oneof(
          brokenObject(
            {
              teamId: { valid: text(DEMO_TEAM.id), invalid: anyTeamId, required: true },
              nudgeId: { valid: text(f.nudgeId), invalid: hostileText(300), required: true },
              answer: {
                valid: fc.constantFrom(...NUDGE_ANSWERS),
                invalid: fc.oneof(notOneOf(NUDGE_ANSWERS), notOfKind('string')),
                required: true,
              },
            },
            { strict: false },
          ),
          notAnObject,
        ),
      )(),
    expect: { kind: 'refusal' },
  },
  ...[SHARE_HELPFUL_VERB, SHARE_SAVE_VERB, SHARE_RATE_VERB, SHARE_REFRESH_VERB].map((verb): EntryPoint => ({
    name: verb,
    who: 'member',
    input: (f) => {
      const ref: Record<string, FieldSpec> = {
        teamId: { valid: text(DEMO_TEAM.id), invalid: anyTeamId, required: true },
        shareId: { valid: text(f.shareId), invalid: hostileText(300), required: true },
      };
      // Rating a real share with no rating from 1 to 5 is refused with the share card saying so.
      if (verb === SHARE_RATE_VERB)
        ref.rating = { valid: text('4'), invalid: fc.oneof(notOneOf(['1', '2', '3', '4', '5']), notOfKind('string')) };
      return verbWith(verb, fc.oneof(brokenObject(ref, { strict: false }), notAnObject))();
    },
    expect: { kind: 'refusal' },
  })),
  {
    name: MY_DATA_ERASE_VERB,
    who: 'learner',
    // Anything but the typed confirmation: never the phrase itself, or the learner's data would go.
    input: verbWith(
      MY_DATA_ERASE_VERB,
      fc
        .oneof(
          brokenObject(
            { confirm: { valid: text('keep my data'), invalid: fc.oneof(hostileText(300), notOfKind('string')), required: true } },
            { strict: false },
          ),
          notAnObject,
        )
        .filter((d) => !isEraseConfirmation((d as { confirm?: unknown } | null)?.confirm)),
    ),
    expect: { kind: 'refusal' },
  },
  {
    name: 'unknown verbs',
    who: 'learner',
    input: () =>
      fc
        .tuple(
          fc.oneof(
            hostileText(300).filter((v) => !KNOWN_VERBS.includes(v)),
            notOfKind('string'),
          ),
          hostileJson,
        )
        .map(([verb, data]) => action(verb, data)),
    expect: { kind: 'refusal' },
  },
  {
    name: 'malformed adaptiveCard/action envelopes',
    who: 'learner',
    input: () =>
      fc
        .oneof(
          hostileJson,
          hostileJson.map((a) => ({ action: a })),
          fc
            .tuple(
              hostileText(50).filter((t) => t !== 'Action.Execute'),
              fc.constantFrom(...KNOWN_VERBS),
              hostileJson,
            )
            .map(([type, verb, data]) => ({ action: { type, verb, data } })),
        )
        .map((value) => ({ name: 'adaptiveCard/action', value })),
    expect: { kind: 'refusal' },
  },
  {
    name: 'task/fetch',
    who: 'learner',
    inTeam: true,
    input: () =>
      fc.oneof(hostileJson, fc.record({ data: hostileJson, context: hostileJson })).map((value) => ({ name: 'task/fetch', value })),
    expect: { kind: 'answer' },
  },
  {
    name: 'composeExtension/fetchTask',
    who: 'learner',
    inTeam: true,
    input: () =>
      fc
        .oneof(
          fc.record({
            commandId: text(SAVE_MESSAGE_COMMAND),
            commandContext: fc.oneof(text('message'), hostileJson),
            messagePayload: fc.oneof(fc.record({ id: hostileJson, body: messageBody }), hostileJson),
          }),
          fc.record({
            commandId: fc.oneof(text(COMPOSE_SHARE_COMMAND), hostileText(100), notOfKind('string')),
            commandContext: hostileJson,
          }),
          hostileJson,
        )
        .map((value) => ({ name: 'composeExtension/fetchTask', value })),
    expect: { kind: 'answer' },
  },
  ...(['task/submit', 'composeExtension/submitAction'] as const).map((name): EntryPoint => ({
    name,
    who: 'learner',
    inTeam: true,
    input: () => {
      const data = fc.oneof(
        unsavableCheckIn(false).map((d) => ({ ...d, [DIALOG_KEY]: 'save-message' })),
        fc.tuple(unsavableCheckIn(true), fc.oneof(text('share'), hostileText(50))).map(([d, purpose]) => ({ ...d, [DIALOG_KEY]: purpose })),
        notAnObject,
      );
      return data.map((d) => ({
        name,
        value: name === 'task/submit' ? { data: d } : { commandId: COMPOSE_SHARE_COMMAND, commandContext: 'compose', data: d },
      }));
    },
    expect: { kind: 'refusal' },
  })),
  {
    name: 'typed commands',
    who: 'learner',
    // Anything that is not a command gets the help card; the commands themselves are other tests' business.
    input: () =>
      hostileText(5000)
        .filter((t) => ['unknown', 'help'].includes(parseCommand(t).kind))
        .map((t) => ({ text: t })),
    expect: { kind: 'reply' },
  },
];

describe('hostile input to the bot: every card verb, dialog, message extension and typed command refuses malformed input clearly and writes nothing (Azurite, local Bot Connector, fast-check)', () => {
  let service: RunningTestService;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let fixtures: Fixtures;
  const sentPerEntryPoint = new Map<string, number>();

  beforeAll(async () => {
    const roster = DEMO_PEOPLE.map((p) => ({ id: p.teamsUserId, aadObjectId: p.userId, name: p.displayName }));
    connector = await startFakeConnector({
      [DEMO_TEAM.id]: { members: roster, channels: [{ id: DEMO_TEAM.id }, { id: DEMO_SHARES_CHANNEL, name: 'Learning shares' }] },
    });
    service = await startTestService();
    await seedDemoData({ ...service, now: new Date() });
    const asLead = { tenantId: DEMO_TENANT_ID, userId: lead.userId };
    const shares = await service.stores.shares.listTeamShares(DEMO_TENANT_ID, DEMO_TEAM.id);
    const shareId = shares.find((s) => s.sharerId === learner.userId && !s.withdrawnAt)!.shareId;
    const note = await service.services.coaching.coach(asLead, DEMO_TEAM.id, shareId, { note: 'Try it on the next sprint' });
    const nudge = await service.services.nudges.nudge(asLead, DEMO_TEAM.id, learner.userId, { note: 'How is the course going?' });
    fixtures = { shareId, noteId: note.noteId, nudgeId: nudge.nudgeId };
  }, 120_000);
  afterAll(async () => {
    await service?.stop();
    await connector?.stop();
    const counts = [...sentPerEntryPoint.entries()].map(([r, n]) => `${r}: ${n}`);
    if (counts.length > 0)
      console.info(`hostile bot inputs: ${[...sentPerEntryPoint.values()].reduce((a, b) => a + b, 0)} in all\n  ${counts.join('\n  ')}`);
  });

  function activityFor(entry: EntryPoint, input: { name: string; value: unknown } | { text: string }): Sent {
    const person = PEOPLE[entry.who];
    const base = messageActivity('text' in input ? input.text : '', {
      serviceUrl: connector.serviceUrl,
      from: { id: person.teamsUserId, aadObjectId: person.userId, name: person.displayName },
      conversationId: `a:personal-${person.userId}`,
    });
    const activity = 'text' in input ? base : { ...base, type: 'invoke', name: input.name, value: input.value, text: undefined };
    // A failure names the input itself, not the whole activity around it.
    return {
      id: base.id,
      activity: entry.inTeam ? inTeamChannel(activity, { id: DEMO_TEAM.id, name: DEMO_TEAM.name }) : activity,
      toJSON: () => input,
    };
  }

  async function send(sent: Sent): Promise<Answer> {
    const res = await fetch(`${service.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(sent.activity),
    });
    const raw = await res.text();
    let body: unknown = raw;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      // Kept as text: a problem message will show it.
    }
    return { status: res.status, body };
  }

  /** An error card, or a form or card that states a problem: Attention-coloured text. */
  const statesAProblem = (card: unknown) => /"color":"attention"/i.test(JSON.stringify(card) ?? '');

  function problemWith(expect: Expect, answer: Answer, sent: Sent): string | undefined {
    if (answer.status >= 500) return `${answer.status} ${JSON.stringify(answer.body)?.slice(0, 200)}`;
    if (expect.kind === 'reply') {
      if (answer.status >= 300) return `answered ${answer.status}`;
      const reply = connector.sent.find((s) => (s.activity as { replyToId?: string }).replyToId === sent.id);
      if (!reply?.activity.attachments?.[0]?.content) return 'no card in reply';
      return undefined;
    }
    // A 4xx is a refusal too: botbuilder's for a malformed invoke, Express's for a body over the size limit.
    if (answer.status >= 400) return undefined;
    const body = answer.body as
      { value?: unknown; task?: { type?: string; value?: { card?: { content?: unknown } } | string } } | undefined;
    if (expect.kind === 'answer') return body?.value || body?.task ? undefined : `no card or task: ${JSON.stringify(body)?.slice(0, 200)}`;
    const card = body?.task ? (typeof body.task.value === 'object' ? body.task.value?.card?.content : undefined) : body?.value;
    if (!card) return `not refused: ${JSON.stringify(body)?.slice(0, 200)}`;
    if (statesAProblem(card)) return undefined;
    if (expect.unless && !expect.unless.test(JSON.stringify(card))) return undefined;
    return `not refused: ${JSON.stringify(card).slice(0, 300)}`;
  }

  /** Rows any message rewrites by design: the sender's profile and this conversation's reference, as `help` shows. */
  async function rowsAMessageRefreshes(): Promise<Set<string>> {
    const tables = tableClients(service.config.storage);
    const before = await snapshotTables(tables);
    await send(
      activityFor(
        ENTRY_POINTS.find((e) => e.name === 'typed commands')!,
        { text: 'help' },
      ),
    );
    const changes = tableChanges(before, await snapshotTables(tables));
    return new Set(describeChanges(changes).map((line) => line.replace(/^\w+ /, '')));
  }

  for (const entry of ENTRY_POINTS) {
    it(
      entry.name,
      async () => {
        const tables = tableClients(service.config.storage);
        const refreshed = entry.expect.kind === 'reply' ? await rowsAMessageRefreshes() : new Set<string>();
        const sent = await expectRefusedWithoutWrites({
          cases: entry.input(fixtures).map((input) => activityFor(entry, input)),
          total: PER_ENTRY_POINT,
          batch: BATCH,
          concurrency: CONCURRENCY,
          send,
          problemWith: (answer, input) => problemWith(entry.expect, answer, input),
          snapshot: async () => {
            await service.services.sharing.settled();
            return snapshotTables(tables);
          },
          mayChange: (key) => refreshed.has(key),
        });
        sentPerEntryPoint.set(entry.name, sent);
        expect(sent).toBeGreaterThanOrEqual(PER_ENTRY_POINT);
      },
      90_000,
    );
  }
});
