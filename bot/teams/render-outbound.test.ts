import { sampleShare } from '../testing/sample-share.js';
import { askHowItWentCard } from '../cards/ask-how-it-went-card.js';
import { askToShareCard } from '../cards/share-prompt-card.js';
import { describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../cards/card-types.js';
import { checkInCard } from '../cards/check-in-card.js';
import { coachingAnswerForLeadCard, coachingNoteCard } from '../cards/coaching-cards.js';
import { digestCard } from '../cards/digest-card.js';
import { introCard } from '../cards/intro-card.js';
import { leadNoticeCard } from '../cards/lead-notice-card.js';
import { myDataEraseFailedCard, myDataErasedCard } from '../cards/my-data-cards.js';
import { nudgeCard, nudgeReplyForLeadCard } from '../cards/nudge-cards.js';
import { behindReminderCard } from '../cards/behind-reminder-card.js';
import { followUpClosedForLearnerCard, followUpReminderCard } from '../cards/follow-up-cards.js';
import type { FollowUp } from '../contract/follow-up-rules.js';
import { reminderCard } from '../cards/reminder-card.js';
import { removedShareCard } from '../cards/removed-share-card.js';
import { shareCard } from '../cards/share-card.js';
import { shareHelpedCard } from '../cards/share-helped-card.js';
import { weeklyRoundupCard } from '../cards/weekly-roundup-card.js';
import type { WeeklyRoundup } from '../domain/weekly-roundup.js';
import type { Digest } from '../domain/digest.js';
import { botTranslator, type BotTranslator } from '../i18n/bot-messages.js';
import type { CheckInAsk, OutboundMessage } from '../services/outbound-message.js';
import { expectValidTeamsCard } from '../testing/card-validation.js';
import { renderOutbound } from './render-outbound.js';

const roundup: WeeklyRoundup = {
  teamName: 'Alpha',
  week: '2026-W48',
  weekStart: '2026-11-23',
  people: 4,
  minutes: 190,
  shares: [{ shareId: 'entry-0001', what: 'UX 101', sharerName: 'Megan Bowen', helpful: 3 }],
};

const share = sampleShare({ activityId: 'activity-1' });
const digest: Digest = {
  teamId: '19:team@thread.tacv2',
  teamName: 'Alpha',
  week: '2026-W48',
  participation: { members: 8, answered: 6, checkIns: 8, entries: 9, minutes: 240 },
  highlights: [{ what: 'UX 101', sharerName: 'Megan Bowen', helpful: 3 }],
  followUps: [
    { userId: 'u2', displayName: 'Isaiah Langer', reason: 'No answer to the last 2 check-ins', why: { kind: 'no-answer', count: 2 } },
  ],
  moreFollowUps: 0,
  followThrough: {
    figures: { actions: 8, results: 4, dropped: 1, awaiting: 3, due: 6, followThrough: 4 / 6, medianDaysToResult: 5.5 },
    weeks: 4,
  },
  leadFollowUps: { figures: { requested: 3, done: 1, rate: 1 / 3, medianDays: 4, nudged: 2 }, weeks: 4 },
};
const ask: CheckInAsk = {
  cardId: 'card-1',
  cycle: '2026-W48',
  shareWith: [{ teamId: 'team-1', name: '' }],
  awaiting: [{ entryId: 'entry-0002', createdAt: '2026-11-20T10:00:00.000Z', action: 'A/B' }],
  goals: [{ goalId: 'g1', what: 'SQL', targetDate: '2027-01-31', overdue: false }],
  recommendations: [
    { teamId: 'team-1', recId: 'r1', title: 'UX 101', link: 'https://example.com/ux', leadName: 'Alex Wilber', note: null },
  ],
};
const askModel = {
  cardId: ask.cardId,
  cycle: ask.cycle,
  share: { teams: ask.shareWith },
  awaiting: ask.awaiting,
  goals: { goals: ask.goals! },
  recommendations: { items: ask.recommendations! },
};
const asked = { entryId: 'entry-0002', createdAt: '2026-11-20T10:00:00.000Z', action: 'A/B', what: 'UX 101' };
const askedToShare = { entryId: 'entry-0003', what: 'UX 101', insight: '1-2-3', action: null, link: 'https://example.com/ux' };
const note = { noteId: 'note-0001', leadName: 'Alex Wilber', about: 'UX 101', note: 'Q4?' };
const nudge = { teamId: 'team-1', nudgeId: 'nudge-0001', leadName: 'Alex Wilber', learnerName: 'Isaiah Langer', note: 'Q4?' };
const followUp: FollowUp = {
  teamId: 'team-1',
  followUpId: 'nudge-0001',
  learnerId: 'u2',
  learnerName: 'Isaiah Langer',
  answer: 'need-help',
  nudgedBy: { userId: 'u1', displayName: 'Alex Wilber' },
  nudgeNote: 'Q4?',
  reason: 'No answer to the last 2 check-ins',
  why: { kind: 'no-answer', count: 2 },
  openedAt: '2026-11-20T10:00:00.000Z',
  closed: null,
};
const closedFollowUp: FollowUp = {
  ...followUp,
  closed: { by: { userId: 'u1', displayName: 'Alex Wilber' }, note: 'we *talked*', at: '2026-11-28T10:00:00.000Z' },
};

/** Every kind of message (the type makes a new kind add its row), and the card its reader should see. */
const messages: { [K in OutboundMessage['kind']]: [Extract<OutboundMessage, { kind: K }>, (t: BotTranslator) => AdaptiveCard] } = {
  'check-in': [{ kind: 'check-in', ...ask }, (t) => checkInCard(askModel, t)],
  reminder: [{ kind: 'reminder', ...ask }, (t) => reminderCard(askModel, t)],
  intro: [
    { kind: 'intro', displayName: 'Megan Bowen', teamName: undefined },
    (t) => introCard({ displayName: 'Megan Bowen', teamName: t.t('common.yourTeam') }, t),
  ],
  'lead-notice': [
    { kind: 'lead-notice', leadName: 'Megan Bowen', teamName: 'Alpha', joinedAt: '2026-11-02T09:00:00.000Z' },
    (t) => leadNoticeCard({ leadName: 'Megan Bowen', teamName: 'Alpha', joinedAt: '2026-11-02T09:00:00.000Z' }, t),
  ],
  'ask-how-it-went': [
    { kind: 'ask-how-it-went', leadName: 'Alex Wilber', teamName: undefined, action: asked },
    (t) => askHowItWentCard({ leadName: 'Alex Wilber', teamName: t.t('common.yourTeam'), action: asked }, t),
  ],
  'ask-to-share': [
    { kind: 'ask-to-share', leadId: 'lead-1', leadName: 'Alex Wilber', teamId: 'team-1', teamName: undefined, entry: askedToShare },
    (t) =>
      askToShareCard(
        { leadId: 'lead-1', leadName: 'Alex Wilber', teamId: 'team-1', teamName: t.t('common.yourTeam'), entry: askedToShare },
        t,
      ),
  ],
  nudge: [{ kind: 'nudge', nudge, teamName: 'Alpha' }, (t) => nudgeCard(nudge, 'Alpha', t)],
  'nudge-reply': [
    { kind: 'nudge-reply', nudge, answer: 'on-it', teamName: 'Alpha' },
    (t) => nudgeReplyForLeadCard(nudge, 'on-it', 'Alpha', t),
  ],
  'follow-up-reminder': [
    { kind: 'follow-up-reminder', followUp, teamName: undefined, daysWaiting: 8 },
    (t) => followUpReminderCard({ followUp, teamName: t.t('common.yourTeam'), daysWaiting: 8 }, t),
  ],
  'behind-reminder': [
    { kind: 'behind-reminder', overdue: 2, expectedDays: 7, oldest: [{ followUp, teamName: undefined }], tabUrl: undefined },
    (t) => behindReminderCard({ overdue: 2, expectedDays: 7, oldest: [{ followUp, teamName: undefined }], tabUrl: undefined }, t),
  ],
  'follow-up-closed': [
    { kind: 'follow-up-closed', followUp: closedFollowUp, teamName: 'Alpha' },
    (t) => followUpClosedForLearnerCard(closedFollowUp, 'Alpha', t),
  ],
  'coaching-note': [{ kind: 'coaching-note', note }, (t) => coachingNoteCard(note, t)],
  'coaching-answer': [
    { kind: 'coaching-answer', learnerName: undefined, note, answer: 'Will do' },
    (t) => coachingAnswerForLeadCard(t.t('common.aMember'), note, 'Will do', t),
  ],
  digest: [
    { kind: 'digest', digest, dashboardUrl: 'https://teams.example/dashboard' },
    (t) => digestCard(digest, t, { dashboardUrl: 'https://teams.example/dashboard' }),
  ],
  share: [{ kind: 'share', share }, (t) => shareCard({ share }, t)],
  'weekly-roundup': [{ kind: 'weekly-roundup', roundup }, (t) => weeklyRoundupCard(roundup, t)],
  'share-removed': [{ kind: 'share-removed' }, (t) => removedShareCard(t)],
  'share-helped': [
    { kind: 'share-helped', what: 'UX 101', helpful: 2, teamName: undefined },
    (t) => shareHelpedCard({ what: 'UX 101', helpful: 2, teamName: t.t('common.yourTeam') }, t),
  ],
  'my-data-erased': [{ kind: 'my-data-erased' }, (t) => myDataErasedCard(t)],
  'my-data-erase-failed': [{ kind: 'my-data-erase-failed' }, (t) => myDataEraseFailedCard(t)],
};

describe.each(['en-US', 'es-ES', 'ar-SA'])('a proactive message rendered for a reader in %s', (tag) => {
  const t = botTranslator(tag);

  it.each(Object.entries(messages))('%s is a valid Teams card, the one its kind shows', (_kind, [message, expected]) => {
    const card = renderOutbound(message, t);
    expectValidTeamsCard(card);
    expect(card).toEqual(expected(t));
  });
});

describe('renderOutbound', () => {
  it('leaves out what the service did not ask', () => {
    const card = renderOutbound({ kind: 'check-in', cardId: 'card-2', cycle: '2026-W48', shareWith: [] }, botTranslator('en'));
    expect(card).toEqual(checkInCard({ cardId: 'card-2', cycle: '2026-W48', share: { teams: [] } }, botTranslator('en')));
  });
});

describe('the notice of a new lead', () => {
  const notice = { kind: 'lead-notice', leadName: 'Megan *Bowen*', teamName: 'Alpha', joinedAt: '2026-11-02T09:00:00.000Z' } as const;

  it.each([
    ['en', ['Megan *Bowen* is now a lead of Alpha', 'you mark “My team’s leads”', '(since November 2, 2026)', 'My learning']],
    ['es', ['es ahora responsable de Alpha', '«Los responsables de mi equipo»', '2 de noviembre de 2026']],
    ['ar', ['قائد جديد في Alpha', '«قادة فريقي»']],
  ])('says in %s who now leads, what they see and since when', (tag, parts) => {
    const text = expectValidTeamsCard(renderOutbound(notice, botTranslator(tag))).renderedText;
    for (const part of parts) expect(text).toContain(part);
  });
});
