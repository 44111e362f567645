import { describe, expect, it } from 'vitest';
import type { WeeklyRoundup } from '../domain/weekly-roundup.js';
import { botTranslator } from '../i18n/bot-messages.js';
import { expectValidTeamsCard } from '../testing/card-validation.js';
import { DIALOG_KEY } from './learning-dialog-card.js';
import { weeklyRoundupCard } from './weekly-roundup-card.js';

const roundup: WeeklyRoundup = {
  teamName: 'Product Design',
  week: '2026-W48',
  weekStart: '2026-11-23',
  people: 5,
  minutes: 215,
  shares: [
    { shareId: 's1', what: 'Inclusive design patterns', sharerName: 'Megan Bowen', helpful: 4 },
    { shareId: 's2', what: 'Writing PRs', sharerName: 'Alex Wilber', helpful: 1 },
  ],
};

describe('weeklyRoundupCard', () => {
  it('says what the team learned: the week, who logged learning and for how long, and the most helpful shares in order', () => {
    const text = expectValidTeamsCard(weeklyRoundupCard(roundup, botTranslator('en'))).renderedText;
    expect(text).toContain('What Product Design learned this week');
    expect(text).toContain('Week of November 23, 2026');
    expect(text).toContain('5 people logged learning this week, 3 hr 35 min in all.');
    expect(text.indexOf('Inclusive design patterns')).toBeLessThan(text.indexOf('Writing PRs'));
    expect(text).toContain('Megan Bowen; 4 found it helpful');
  });

  it('opens the share form privately in a dialog from Share yours, naming nobody', () => {
    const card = weeklyRoundupCard(roundup, botTranslator('en'));
    expect(card.actions).toEqual([
      { type: 'Action.Submit', id: 'share-yours', title: 'Share yours', data: { msteams: { type: 'task/fetch' }, [DIALOG_KEY]: 'share' } },
    ]);
  });

  it('escapes what sharers wrote, so it cannot forge links or formatting', () => {
    const hostile = {
      ...roundup,
      teamName: '[Click](https://evil.example)',
      shares: [{ shareId: 's1', what: '**bold** <at>Megan</at> [x](https://evil.example)', sharerName: '_Eve_', helpful: 1 }],
    };
    const card = weeklyRoundupCard(hostile, botTranslator('en'));
    const json = JSON.stringify(card);
    expect(json).not.toContain('[Click](https://evil.example)');
    expect(json).not.toContain('**bold**');
    expect(json).toContain('\\\\*\\\\*bold\\\\*\\\\*');
    expect(json).not.toContain('<at>');
    expect(json).not.toContain('_Eve_');
    expect(expectValidTeamsCard(card).renderedText).toContain('1 found it helpful');
  });

  it.each([
    ['es', ['Lo que aprendió Product Design esta semana', '5 personas registraron aprendizaje', 'Comparte lo tuyo']],
    ['ar', ['ما تعلّمه Product Design هذا الأسبوع', 'شارك ما تعلّمته']],
  ])('speaks %s', (tag, parts) => {
    const card = weeklyRoundupCard({ ...roundup, people: 1 }, botTranslator(tag));
    const text = expectValidTeamsCard(card).renderedText + JSON.stringify(card.actions);
    for (const part of parts.filter((p) => !p.startsWith('5 '))) expect(text).toContain(part);
  });
});
