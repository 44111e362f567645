import { describe, expect, it } from 'vitest';
import { expectValidTeamsCard } from '../testing/card-validation.js';
import { introCard } from './intro-card.js';
import { botTranslator } from '../i18n/bot-messages.js';

const en = botTranslator('en');

describe('introCard', () => {
  it('says hello by name, names the team, and offers a first check-in', () => {
    const card = introCard({ displayName: 'Megan _B_', teamName: 'Product [Design](https://x.example)' }, en);
    const check = expectValidTeamsCard(card);
    expect(check.renderedText).toContain('Hi Megan _B_ — I’m Learning Loop');
    expect(check.renderedText).toContain('Product [Design](https://x.example) uses me');
    expect(check.renderedHtml).not.toMatch(/<a |<em>/);
    expect(card.actions?.[0]).toMatchObject({ title: 'Log something now', verb: 'checkin.new' });
  });
});
