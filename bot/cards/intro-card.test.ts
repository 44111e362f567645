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

  it('says who sees an entry by default and how to change it, and no longer that the log is the learner’s alone', () => {
    const text = expectValidTeamsCard(introCard({ displayName: 'Megan', teamName: 'Design' }, en)).renderedText;
    expect(text).toContain('Who sees what you log: your team’s leads, unless you choose otherwise');
    expect(text).toContain('pick “Only me” to keep an entry’s words to yourself');
    expect(text).toContain('change it later on any entry in My learning');
    expect(text).not.toContain('Your log is yours');
  });
});
