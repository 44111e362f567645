import { describe, expect, it } from 'vitest';
import { expectValidTeamsCard } from '../testing/card-validation.js';
import { checkInCard } from './check-in-card.js';
import { GOAL_SUBMIT_VERB, goalFormCard, goalSavedCard } from './goal-cards.js';
import { botTranslator } from '../i18n/bot-messages.js';

const en = botTranslator('en');

describe('goal cards', () => {
  it('asks what, why, by when and for links, and keeps every answer and problem on a rejected card', () => {
    const card = goalFormCard(en, {
      values: { what: 'Learn **SQL**', targetDate: '2026-01-01', resources: 'ftp://x' },
      errors: { targetDate: 'The target date has passed', resources: '“ftp://x” is not a web address' },
    });
    const check = expectValidTeamsCard(card);
    expect(check.inputIds).toEqual(['what', 'why', 'targetDate', 'resources']);
    expect(check.inputValues).toMatchObject({ what: 'Learn **SQL**', resources: 'ftp://x' });
    expect(check.renderedText).toContain('Please fix these 2 things before saving:');
    expect(card.actions?.[0]).toMatchObject({ verb: GOAL_SUBMIT_VERB });
  });

  it('confirms a saved goal with its words escaped', () => {
    const check = expectValidTeamsCard(
      goalSavedCard({ what: '[click](https://evil.example)', why: null, targetDate: '2027-01-31', resources: [] }, botTranslator('en-GB')),
    );
    expect(check.renderedText).toContain('[click](https://evil.example)');
    expect(check.renderedHtml).not.toContain('<a ');
    expect(check.renderedText).toContain('31 January 2027');
  });

  it('puts each open goal on the check-in card with a progress choice and a note, an overdue one marked', () => {
    const card = checkInCard(
      {
        cardId: 'card-1',
        goals: {
          goals: [
            { goalId: 'g1', what: 'Run a usability test', targetDate: '2027-01-31', overdue: false },
            { goalId: 'g2', what: 'Read Inspired', targetDate: '2026-10-01', overdue: true },
          ],
          values: { 'goal.g2.note': 'Half way' },
          errors: { g2: 'Choose how this goal is going' },
        },
      },
      en,
    );
    const check = expectValidTeamsCard(card);
    expect(check.inputIds).toEqual(expect.arrayContaining(['goal.g1.state', 'goal.g1.note', 'goal.g2.state', 'goal.g2.note']));
    expect(check.renderedText).toContain('How are your goals going?');
    expect(check.renderedText).toContain('Read Inspired — was due October 1, 2026');
    expect(check.renderedText).toContain('Choose how this goal is going');
    expect(check.inputValues['goal.g2.note']).toBe('Half way');
  });
});
