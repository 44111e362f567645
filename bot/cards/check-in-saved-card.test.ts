import { describe, expect, it } from 'vitest';
import type { LearningEntry } from '../contract/learning-entry.js';
import { expectValidTeamsCard } from '../testing/card-validation.js';
import { checkInSavedCard } from './check-in-saved-card.js';
import { botTranslator } from '../i18n/bot-messages.js';

const en = botTranslator('en');

const entry: LearningEntry = {
  id: 'e1',
  tenantId: 't',
  userId: 'u',
  what: 'Feature flags with **gradual** rollout',
  sourceType: 'podcast',
  link: 'https://example.com/ep/42',
  minutes: 35,
  rating: 5,
  insight: 'Ship dark, [then](https://evil.example) light',
  action: '<at>Team</at> try flags on the next release',
  result: null,
  visibility: 'leads',
  createdAt: '2026-11-20T10:00:00.000Z',
};

describe('checkInSavedCard', () => {
  it('shows what was saved', () => {
    const check = expectValidTeamsCard(checkInSavedCard({ entry }, en));
    for (const text of ['Saved to your learning log', 'Podcast', '35 min', '5/5', 'Key insight', 'Your action']) {
      expect(check.renderedText).toContain(text);
    }
  });

  it('renders the learner’s words literally: no forged links, emphasis or mentions', () => {
    const check = expectValidTeamsCard(checkInSavedCard({ entry }, en));
    expect(check.renderedText).toContain('Feature flags with **gradual** rollout');
    expect(check.renderedText).toContain('Ship dark, [then](https://evil.example) light');
    expect(check.renderedText).toContain('<at>Team</at> try flags');
    expect(check.renderedHtml).not.toMatch(/<a |<strong>|<em>/);
  });

  it('leaves out what the learner did not give', () => {
    const check = expectValidTeamsCard(
      checkInSavedCard({ entry: { ...entry, link: null, minutes: null, rating: null, insight: null, action: null } }, en),
    );
    expect(check.renderedText).not.toMatch(/Time|Useful|Key insight|Your action|Link/);
  });

  it('offers the learner’s log when its address is known', () => {
    const card = checkInSavedCard({ entry, myLearningUrl: 'https://teams.example/l/entity/app/my-learning' }, en);
    expect(card.actions?.map((a) => a.title)).toEqual(['Log something else', 'Set a learning goal', 'Open my learning']);
  });
});
