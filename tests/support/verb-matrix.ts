import { randomUUID } from 'node:crypto';
import { DEMO_TEAM, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { DEMO_SHARES_CHANNEL } from '../../bot/demo/seed-demo-shares.js';
import { weekKeyOf } from '../../bot/domain/member-rollup.js';
import { scheduledCardId } from '../../bot/services/scheduled-card-id.js';
import { FRESH_PROMPT_STATE } from '../../bot/domain/share-prompt.js';
import { MARKER, PEOPLE, type Principal, type World } from './authorisation-world.js';
import { openFollowUp } from './route-matrix.js';

/** `outage`: refused, but on the error card that says our side failed and to try again. */
export type Outcome = 'ok' | 'refused' | 'outage';
export type VerbExpected = Record<Principal, Outcome>;

/** One `Action.Execute` verb (or one case of it) and what each kind of caller must see. */
export interface VerbRow {
  verb: string;
  variant?: string;
  /** Pressed on a card in the demo team's channel (the team comes from the channel, not the data). */
  inTeam?: boolean;
  prepare?(w: World): Promise<void>;
  data(w: World, who: Principal): Record<string, unknown>;
  expect: VerbExpected;
  /** What the card says when the action went through. */
  ok: RegExp;
  /** A refusal shown on a card other than the error card (which always counts as one). */
  refused?: RegExp;
}

type Callers = Omit<VerbExpected, 'none'>;
// Nobody without an identity gets anywhere: the world checks both the 401 and the local-mode answer.
const cells = (callers: Callers): VerbExpected => ({ none: 'refused', ...callers });
const only = (...allowed: Principal[]): VerbExpected =>
  cells({
    otherTenant: 'refused',
    otherTeamLead: 'refused',
    member: 'refused',
    learner: 'refused',
    lead: 'refused',
    admin: 'refused',
    ...Object.fromEntries(allowed.map((p) => [p, 'ok'])),
  });
const anyone = only('otherTenant', 'otherTeamLead', 'member', 'learner', 'lead', 'admin');
const teamMembers = only('member', 'learner', 'lead');

const NOT_YOURS = /not yours to answer/;
const share = (w: World) => ({ teamId: DEMO_TEAM.id, shareId: w.ids.meganShare });

/** The learner's scheduled check-in for this week, sent and waiting for an answer. */
async function openCheckIn(w: World): Promise<void> {
  const { learner } = PEOPLE;
  const zone = (await w.service.stores.users.get(DEMO_TENANT_ID, learner.userId))?.timeZone ?? 'UTC';
  w.ids.cycle = weekKeyOf(new Date(), zone);
  const record = {
    tenantId: DEMO_TENANT_ID,
    userId: learner.userId,
    cycle: w.ids.cycle,
    kind: 'checkin' as const,
    teamId: DEMO_TEAM.id,
    dueAt: new Date(Date.now() - 3_600_000).toISOString(),
  };
  await w.service.stores.sends.createIfAbsent(record);
}
const scheduledCard = (w: World) => ({ cardId: scheduledCardId(DEMO_TENANT_ID, PEOPLE.learner.userId, w.ids.cycle), cycle: w.ids.cycle });

export const VERB_ROWS: readonly VerbRow[] = [
  {
    verb: 'checkin.submit',
    variant: 'the learner’s scheduled check-in',
    prepare: openCheckIn,
    data: (w) => ({ ...scheduledCard(w), what: `${MARKER}: scheduled answer`, sourceType: 'article' }),
    expect: only('learner'),
    ok: /Saved to your learning log/,
    refused: NOT_YOURS,
  },
  {
    verb: 'checkin.submit',
    variant: 'shared with the demo team',
    data: (_w, who) => ({
      cardId: randomUUID(),
      what: `Shared by ${who}`,
      sourceType: 'article',
      shareWithTeam: 'true',
      shareTeamId: DEMO_TEAM.id,
      shareParts: 'insight',
    }),
    expect: teamMembers,
    ok: /Shared in Product Design’s learning channel/,
    refused: /You can only share with a team you are a member of/,
  },
  { verb: 'checkin.nothing', prepare: openCheckIn, data: scheduledCard, expect: only('learner'), ok: /Noted: nothing this time/ },
  { verb: 'checkin.snooze', prepare: openCheckIn, data: scheduledCard, expect: only('learner'), ok: /I’ll remind you tomorrow/ },
  // A fresh card offers to share only with the caller's own teams: the leak check looks for ours.
  { verb: 'checkin.new', data: () => ({}), expect: anyone, ok: /What did you learn\?/ },
  { verb: 'goal.new', data: () => ({}), expect: anyone, ok: /Set a learning goal/ },
  {
    verb: 'goal.submit',
    data: (_w, who) => ({ what: `Goal of ${who}`, targetDate: new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10) }),
    expect: anyone,
    ok: /Goal saved/,
  },
  { verb: 'team.setup.open', inTeam: true, data: () => ({}), expect: only('lead'), ok: /Set up check-ins/ },
  {
    verb: 'team.setup.submit',
    inTeam: true,
    data: () => ({
      cadence: 'weekly',
      weekday: '5',
      localTime: '16:00',
      timeZone: 'Europe/London',
      reminderAfterHours: '24',
      sharesChannelId: DEMO_SHARES_CHANNEL,
    }),
    expect: only('lead'),
    ok: /Check-ins are set up/,
  },
  {
    verb: 'digest.nudge',
    // One nudge per lead and learner in 12 hours: each cell starts with none sent.
    prepare: (w) => w.clear('nudges'),
    data: () => ({ teamId: DEMO_TEAM.id, userId: PEOPLE.learner.userId }),
    expect: only('lead'),
    ok: /Nudge (sent|recorded)/,
  },
  {
    verb: 'coaching.answer',
    prepare: async (w) => {
      const note = await w.service.services.coaching.coach(PEOPLE.lead, DEMO_TEAM.id, w.ids.meganShare, {
        note: `${MARKER}: try it on the next sprint`,
      });
      w.ids.noteId = note.noteId;
    },
    data: (w) => ({ noteId: w.ids.noteId, answer: 'Will do' }),
    expect: only('learner'),
    ok: /Your answer went to Alex Wilber/,
  },
  // Answering what came of an action: only in one's own log (anyone else's id finds nothing there).
  {
    verb: 'action.answer',
    data: (w) => ({
      asked: [{ entryId: w.ids.meganAction, createdAt: w.ids.meganActionAt, action: 'Try it with the team' }],
      'actionAnswer.0': 'notYet',
      what: 'Notes',
      leadName: 'Alex Wilber',
      teamName: 'Team',
    }),
    expect: only('learner'),
    ok: /Noted: no result yet/,
  },
  // Share or Not now on an offer to share: only the learner's own entry (anyone else's id finds nothing in their log).
  {
    verb: 'sharePrompt.answer',
    prepare: (w) => w.service.stores.users.setSharePrompt(DEMO_TENANT_ID, PEOPLE.learner.userId, FRESH_PROMPT_STATE),
    data: (w) => ({ entryId: w.ids.meganEntry, answer: 'notNow' }),
    expect: only('learner'),
    ok: /No problem: nothing was shared/,
  },
  {
    verb: 'nudge.reply',
    prepare: async (w) => {
      await w.clear('nudges');
      w.ids.nudgeId = (
        await w.service.services.nudges.nudge(PEOPLE.lead, DEMO_TEAM.id, PEOPLE.learner.userId, { note: `${MARKER}: how is it going?` })
      ).nudgeId;
    },
    data: (w) => ({ teamId: DEMO_TEAM.id, nudgeId: w.ids.nudgeId, answer: 'on-it' }),
    expect: only('learner'),
    ok: /You told Alex Wilber: I’m on it/,
  },
  {
    verb: 'followUp.close',
    prepare: (w) => openFollowUp(w),
    data: (w) => ({ teamId: DEMO_TEAM.id, followUpId: w.ids.followUpId, note: `${MARKER}: we talked` }),
    expect: only('lead'),
    ok: /Alex Wilber closed .*’s follow-up/,
  },
  // The share is the learner's own: they may save and rate it, not mark it helpful.
  { verb: 'share.helpful', data: share, expect: only('member', 'lead'), ok: /Helpful/, refused: /This is your own share/ },
  { verb: 'share.save', data: share, expect: teamMembers, ok: /Save/ },
  { verb: 'share.rate', data: (w) => ({ ...share(w), rating: '4' }), expect: teamMembers, ok: /Rate/ },
  { verb: 'share.refresh', data: share, expect: teamMembers, ok: /Helpful/ },
  {
    verb: 'mydata.erase',
    variant: 'without the phrase',
    // A real erasure would empty the shared world: the card must come back, nothing erased, for anyone.
    data: () => ({ confirm: 'no' }),
    expect: only(),
    ok: /Erasing/,
    refused: /Nothing was erased/,
  },
];
