import { sampleShare } from './sample-share.js';
import type { AdaptiveCard } from '../cards/card-types.js';
import { checkInCard } from '../cards/check-in-card.js';
import { checkInSavedCard } from '../cards/check-in-saved-card.js';
import { coachingAnswerForLeadCard, coachingAnsweredCard, coachingNoteCard } from '../cards/coaching-cards.js';
import { digestCard } from '../cards/digest-card.js';
import { weeklyRoundupCard } from '../cards/weekly-roundup-card.js';
import { errorCard } from '../cards/error-card.js';
import { goalFormCard, goalSavedCard } from '../cards/goal-cards.js';
import { helpCard } from '../cards/help-card.js';
import { introCard } from '../cards/intro-card.js';
import { dialogInvitationCard, learningDialogCard } from '../cards/learning-dialog-card.js';
import { eraseMyDataCard, erasingMyDataCard, myDataEraseFailedCard, myDataErasedCard, myDataExportCard } from '../cards/my-data-cards.js';
import { nothingThisWeekCard } from '../cards/nothing-this-week-card.js';
import { nudgeAnsweredCard, nudgeCard, nudgeReplyForLeadCard } from '../cards/nudge-cards.js';
import { followUpClosedCard, followUpClosedForLearnerCard, followUpReminderCard } from '../cards/follow-up-cards.js';
import { behindReminderCard } from '../cards/behind-reminder-card.js';
import type { FollowUp } from '../contract/follow-up-rules.js';
import { reminderCard } from '../cards/reminder-card.js';
import { removedShareCard } from '../cards/removed-share-card.js';
import { shareCard, withdrawnShareCard } from '../cards/share-card.js';
import { shareHelpedCard } from '../cards/share-helped-card.js';
import { askToShareCard, sharePromptAnsweredCard } from '../cards/share-prompt-card.js';
import { snoozedCard } from '../cards/snoozed-card.js';
import { teamSetupCard, teamSetupSavedCard, welcomeCard } from '../cards/team-setup-cards.js';
import { validateCheckIn } from '../domain/check-in-submission.js';
import { goalAnswersOf, validateGoal } from '../domain/goal.js';
import type { BotTranslator } from '../i18n/bot-messages.js';

/**
 * Every card the bot sends, filled in as fully as it gets (problems, goals, recommendations, a
 * share, marks), in one reader's language. People's words are names and numbers only, so a card
 * in one language shows no other language's words but the ones it says itself.
 */
export function cardGallery(t: BotTranslator): Array<[string, AdaptiveCard]> {
  const now = new Date('2026-11-29T10:00:00Z');
  const checkIn = validateCheckIn({ what: '', link: 'ftp://x', minutes: 'abc', visibility: 'everyone' }, t);
  const goal = validateGoal({ what: '', targetDate: '2020-01-01', resources: 'ftp://x' }, now, 'UTC', t);
  const answers = goalAnswersOf(new Map([['g2', { note: 'Q4' }]]), ['g2'], t);
  const share = sampleShare();
  const model = {
    cardId: 'card-1',
    cycle: '2026-W48',
    awaiting: [
      { entryId: 'entry-0001', createdAt: '2026-11-06T10:00:00.000Z', action: 'Pair on a review' },
      { entryId: 'entry-0002', createdAt: '2026-11-20T10:00:00.000Z', action: 'A/B', answer: 'result', text: 'Shipped it' },
    ],
    share: {
      teams: [
        { teamId: 'team-1', name: 'Alpha' },
        { teamId: 'team-2', name: 'Beta' },
      ],
      values: { visibility: 'team' },
    },
    goals: {
      goals: [
        { goalId: 'g1', what: 'SQL', targetDate: '2027-01-31', overdue: false },
        { goalId: 'g2', what: 'UX', targetDate: '2026-10-01', overdue: true },
      ],
      ...(answers.ok ? {} : { errors: answers.errors, values: { 'goal.g2.note': 'Q4' } }),
    },
    recommendations: {
      items: [{ teamId: 'team-1', recId: 'r1', title: 'UX 101', link: 'https://example.com/ux', leadName: 'Alex Wilber', note: 'Q4' }],
    },
  };
  const entry = {
    id: 'card-1',
    tenantId: 't1',
    userId: 'u1',
    what: 'UX 101',
    sourceType: 'video' as const,
    link: 'https://example.com/ux',
    minutes: 90,
    rating: 4,
    insight: '1-2-3',
    action: 'A/B',
    result: null,
    visibility: 'leads' as const,
    createdAt: '2026-11-27T16:05:00.000Z',
  };
  const digest = {
    teamId: '19:team@thread.tacv2',
    teamName: 'Alpha',
    week: '2026-W48',
    participation: { members: 8, answered: 6, checkIns: 8, entries: 9, minutes: 240 },
    highlights: [{ what: 'UX 101', sharerName: 'Megan Bowen', helpful: 3 }],
    followUps: [
      {
        userId: 'u2',
        displayName: 'Isaiah Langer',
        reason: 'No answer to the last 2 check-ins',
        why: { kind: 'no-answer' as const, count: 2 },
      },
      {
        userId: 'u3',
        displayName: 'Adele Vance',
        reason: 'Goal “SQL” is overdue',
        why: { kind: 'goal-overdue' as const, goal: '**SQL**' },
      },
    ],
    moreFollowUps: 2,
    followThrough: {
      figures: { actions: 8, results: 4, dropped: 1, awaiting: 3, due: 6, followThrough: 4 / 6, medianDaysToResult: 5.5 },
      weeks: 4,
    },
    leadFollowUps: { figures: { requested: 3, done: 1, rate: 1 / 3, medianDays: 4, nudged: 2 }, weeks: 4 },
  };
  const schedule = {
    cadence: 'biweekly' as const,
    weekday: 5,
    localTime: '16:00',
    timeZone: 'Europe/London',
    reminderAfterHours: 24,
    anchorMonday: '2026-11-23',
  };
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
    closed: { by: { userId: 'u1', displayName: 'Alex Wilber' }, note: 'We talked', at: '2026-11-28T10:00:00.000Z' },
  };
  return [
    [
      'check-in with every problem',
      checkInCard({ ...model, ...(checkIn.ok ? {} : { errors: checkIn.errors, values: checkIn.values }) }, t),
    ],
    ['first check-in', checkInCard({ cardId: 'card-2' }, t)],
    ['share form', checkInCard({ cardId: 'card-3', purpose: 'share', share: { teams: [{ teamId: 'team-1', name: 'Alpha' }] } }, t)],
    ['share form without a team', checkInCard({ cardId: 'card-4', purpose: 'share' }, t)],
    ['reminder', reminderCard({ cardId: 'card-5', cycle: '2026-W48' }, t)],
    ['save as learning dialog', learningDialogCard({ cardId: 'card-6', purpose: 'save-message' }, t)],
    ['share invitation', dialogInvitationCard('share', t)],
    ['check-in invitation', dialogInvitationCard('check-in', t)],
    [
      'saved',
      checkInSavedCard({ entry, streak: 3, myLearningUrl: 'https://example.com/personal', shared: { ok: true, teamName: 'Alpha' } }, t),
    ],
    [
      'saved with a share prompt',
      checkInSavedCard(
        {
          entry,
          sharePrompt: {
            entryId: entry.id,
            reason: 'goal',
            teams: [
              { teamId: 'team-1', name: 'Alpha' },
              { teamId: 'team-2', name: 'Beta' },
            ],
            parts: ['insight', 'action', 'link'],
          },
        },
        t,
      ),
    ],
    [
      'ask to share',
      askToShareCard(
        {
          leadId: 'u2',
          leadName: 'Alex Wilber',
          teamId: 'team-1',
          teamName: 'Alpha',
          entry: { entryId: entry.id, what: entry.what, insight: entry.insight, action: entry.action, link: entry.link },
        },
        t,
      ),
    ],
    ['share prompt answered', sharePromptAnsweredCard({ status: 'shared', teamName: 'Alpha' }, t)],
    ['share prompt quiet', sharePromptAnsweredCard({ status: 'not-now', quiet: true }, t)],
    ['nothing this week', nothingThisWeekCard({ streak: 2 }, t)],
    ['snoozed', snoozedCard({ when: '—' }, t)],
    ['goal form with problems', goalFormCard(t, goal.ok ? {} : { errors: goal.errors, values: goal.values })],
    ['goal saved', goalSavedCard({ what: 'SQL', why: 'BI', targetDate: '2027-01-31', resources: ['https://example.com/sql'] }, t)],
    ['help', helpCard(t, { unknownCommand: '???' })],
    ['intro', introCard({ displayName: 'Isaiah Langer', teamName: 'Alpha' }, t)],
    ['error', errorCard(t.t('error.tryAgain'), t)],
    ['share', shareCard({ share, mine: { helpful: true, saved: true, rating: 5 }, notice: t.t('share.notice.ownShare') }, t)],
    [
      'unmarked share',
      shareCard(
        {
          share: { ...share, tally: { helpful: 0, saves: 0, ratingSum: 0, ratingCount: 0 } },
          mine: { helpful: false, saved: false, rating: null },
        },
        t,
      ),
    ],
    ['withdrawn share', withdrawnShareCard(share, t)],
    ['removed share', removedShareCard(t)],
    ['share helped', shareHelpedCard({ what: 'UX 101', helpful: 2, teamName: 'Alpha' }, t)],
    ['nudge', nudgeCard(nudge, 'Alpha', t)],
    ['nudge answered', nudgeAnsweredCard(nudge, 'need-help', t)],
    ['nudge reply for the lead', nudgeReplyForLeadCard(nudge, 'lets-talk', 'Alpha', t)],
    [
      'follow-up reminder',
      followUpReminderCard({ followUp, teamName: 'Alpha', daysWaiting: 8 }, t, { typed: '', error: t.t('followUp.note.missing') }),
    ],
    ['follow-up closed', followUpClosedCard(closedFollowUp, t)],
    [
      'lead behind the expectation',
      behindReminderCard(
        {
          overdue: 5,
          expectedDays: 7,
          oldest: [1, 2, 3].map((i) => ({ followUp: { ...followUp, followUpId: `nudge-000${i}` }, teamName: 'Alpha' })),
          tabUrl: 'https://example.com/team',
        },
        t,
      ),
    ],
    ['follow-up closed for the learner', followUpClosedForLearnerCard(closedFollowUp, 'Alpha', t)],
    ['coaching note', coachingNoteCard(note, t, { typed: '', error: t.t('coaching.error.empty') })],
    ['coaching answered', coachingAnsweredCard(note, 'OK', t)],
    ['coaching answer for the lead', coachingAnswerForLeadCard('Isaiah Langer', note, 'OK', t)],
    ['digest', digestCard(digest, t, { notice: t.t('nudge.sent', { name: 'Isaiah Langer' }), dashboardUrl: 'https://example.com/team' })],
    [
      'my data',
      myDataExportCard(
        {
          counts: { entries: 12, checkIns: 8, goals: 1, shares: 2, marks: 3, saved: 0, nudges: 0, coaching: 0, recommendations: 0 },
          url: 'https://example.com/personal',
        },
        t,
      ),
    ],
    ['erase my data', eraseMyDataCard(t, { typed: 'x', problem: t.t('myData.erase.notConfirmed', { phrase: 'erase my data' }) })],
    ['erasing', erasingMyDataCard(t)],
    ['erased', myDataErasedCard(t)],
    ['erase failed', myDataEraseFailedCard(t)],
    ['welcome', welcomeCard({ teamName: 'Alpha', installerName: 'Alex Wilber' }, t)],
    ['team setup', teamSetupCard({ channels: [{ id: 'c1', name: 'General' }], notice: t.t('team.setup.saveFailed') }, t)],
    [
      'team setup saved',
      teamSetupSavedCard({ schedule, sharesChannelName: 'General', leadName: 'Alex Wilber', roundup: { enabled: true, weekday: 5 } }, t),
    ],
    [
      'weekly round-up',
      weeklyRoundupCard(
        {
          teamName: 'Alpha',
          week: '2026-W48',
          weekStart: '2026-11-23',
          people: 5,
          minutes: 215,
          shares: [
            { shareId: 's1', what: 'Inclusive design patterns', sharerName: 'Megan Bowen', helpful: 4 },
            { shareId: 's2', what: 'Writing useful PR descriptions', sharerName: 'Alex Wilber', helpful: 1 },
          ],
        },
        t,
      ),
    ],
  ];
}
