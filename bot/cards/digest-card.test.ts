import { describe, expect, it } from 'vitest';
import type { Digest } from '../domain/digest.js';
import { expectValidTeamsCard } from '../testing/card-validation.js';
import { DIGEST_NUDGE_VERB, digestCard } from './digest-card.js';
import { botTranslator } from '../i18n/bot-messages.js';

const en = botTranslator('en');

const digest = (followUps: number): Digest => ({
  teamId: '19:team@thread.tacv2',
  teamName: 'Product Design',
  week: '2026-W48',
  participation: { members: 8, answered: 6, checkIns: 8, entries: 9, minutes: 240 },
  highlights: [{ what: 'Inclusive design patterns', sharerName: 'Megan', helpful: 3 }],
  followUps: Array.from({ length: followUps }, (_, i) => ({
    userId: `u${i}`,
    displayName: `Person ${i}`,
    reason: 'No answer to the last 2 check-ins',
  })),
  moreFollowUps: 0,
  followThrough: {
    figures: { actions: 8, results: 4, dropped: 1, awaiting: 3, due: 6, followThrough: 4 / 6, medianDaysToResult: 5.5 },
    weeks: 4,
  },
  leadFollowUps: { figures: { requested: 3, done: 1, rate: 1 / 3, medianDays: 4, nudged: 2 }, weeks: 4 },
});
const DEEP_LINK =
  'https://teams.microsoft.com/l/entity/5f1c9a3e-2b7d-4e8a-9c61-0d2f4b8e7a15/team-dashboard?context=%7B%22subEntityId%22%3A%2219%3Ateam%40thread.tacv2%22%7D';

describe('digestCard', () => {
  it('opens the dashboard from the last button, after the nudges, when the service knows where it is', () => {
    const card = digestCard(digest(2), en, { dashboardUrl: DEEP_LINK });
    expectValidTeamsCard(card);
    expect(card.actions?.map((a) => a.title)).toEqual(['Nudge Person 0', 'Nudge Person 1', 'Open the dashboard']);
    expect(card.actions?.[0]).toMatchObject({
      type: 'Action.Execute',
      verb: DIGEST_NUDGE_VERB,
      data: { teamId: '19:team@thread.tacv2', userId: 'u0' },
    });
    expect(card.actions?.at(-1)).toEqual({ type: 'Action.OpenUrl', id: 'open-dashboard', title: 'Open the dashboard', url: DEEP_LINK });
  });

  it('says what came of the team’s actions: follow-through of the due ones and the median days to a result', () => {
    const text = expectValidTeamsCard(digestCard(digest(0), en)).renderedText;
    expect(text).toContain('Follow-through (actions of the last 4 weeks)');
    expect(text).toContain('67%: 4 of 6 due actions have a result; median 5.5 days to a result');
    const none = digestCard(
      { ...digest(0), followThrough: { figures: { ...digest(0).followThrough.figures, due: 0, followThrough: null }, weeks: 4 } },
      botTranslator('es'),
    );
    expect(expectValidTeamsCard(none).renderedText).toContain('aún no vence ninguna acción');
  });

  it('stays within the six actions Teams shows with the most nudges a digest lists', () => {
    expect(digestCard(digest(5), en, { dashboardUrl: DEEP_LINK }).actions).toHaveLength(6);
  });

  it('leaves the button off without a link, and still opens the dashboard when nobody needs a nudge', () => {
    expect(digestCard(digest(2), en).actions?.some((a) => a.type === 'Action.OpenUrl')).toBe(false);
    expect(digestCard(digest(2), en, { dashboardUrl: undefined }).actions).toHaveLength(2);
    expect(digestCard(digest(0), en).actions).toBeUndefined();
    const quiet = digestCard(digest(0), en, {
      dashboardUrl: 'http://localhost:3978/team?team=19%3Ateam%40thread.tacv2',
      notice: 'Nudge sent',
    });
    expect(expectValidTeamsCard(quiet).renderedText).toContain('Nobody: everyone is on track.');
    expect(quiet.actions?.map((a) => a.type)).toEqual(['Action.OpenUrl']);
  });
});
