import { describe, expect, it } from 'vitest';
import { expectValidTeamsCard } from '../testing/card-validation.js';
import { NUDGE_REPLY_VERB, nudgeAnsweredCard, nudgeCard, nudgeReplyForLeadCard } from './nudge-cards.js';
import { botTranslator } from '../i18n/bot-messages.js';

const en = botTranslator('en');

const nudge = {
  teamId: 'team-1',
  nudgeId: 'n-0001',
  leadName: 'Alex [Lead](https://evil.example)',
  learnerName: 'Megan',
  note: '**How** is the course going?',
};

describe('nudge cards', () => {
  it('shows the lead’s note escaped, with the three quick replies for this nudge', () => {
    const card = nudgeCard(nudge, 'Product Design', en);
    const check = expectValidTeamsCard(card);
    expect(check.renderedText).toContain('Alex [Lead](https://evil.example) is checking in on your learning');
    expect(check.renderedText).toContain('“**How** is the course going?”');
    expect(check.renderedHtml).not.toMatch(/<a |<strong/);
    expect(card.actions?.map((a) => a.title)).toEqual(['I’m on it', 'I need help', 'Let’s talk']);
    expect(card.actions?.[1]).toMatchObject({ verb: NUDGE_REPLY_VERB, data: { teamId: 'team-1', nudgeId: 'n-0001', answer: 'need-help' } });
  });

  it('confirms the answer to the learner and tells the lead', () => {
    expect(expectValidTeamsCard(nudgeAnsweredCard(nudge, 'lets-talk', en)).renderedText).toContain(
      'You told Alex [Lead](https://evil.example): Let’s talk',
    );
    expect(expectValidTeamsCard(nudgeReplyForLeadCard(nudge, 'on-it', 'Product Design', en)).renderedText).toContain(
      'Megan answered your nudge: I’m on it',
    );
  });
});
