import { describe, expect, it } from 'vitest';
import type { LearningEntry } from '../contract/learning-entry.js';
import { botTranslator } from '../i18n/bot-messages.js';
import { expectValidTeamsCard } from '../testing/card-validation.js';
import { checkInSavedCard } from './check-in-saved-card.js';
import { SHARE_PROMPT_VERB, askToShareCard, sharePromptAnsweredCard } from './share-prompt-card.js';

const en = botTranslator('en');
const entry: LearningEntry = {
  id: 'entry-0001',
  tenantId: 't',
  userId: 'u',
  what: 'Feature flags with **gradual** rollout',
  sourceType: 'podcast',
  link: null,
  minutes: 35,
  rating: 5,
  insight: 'Ship dark, [then](https://evil.example) light',
  action: 'Try flags next release',
  result: null,
  visibility: 'leads',
  createdAt: '2026-11-20T10:00:00.000Z',
};
const alpha = { teamId: 'team-1', name: 'Alpha' };
type Json = { actions?: Array<{ id: string; verb?: string; data?: Record<string, unknown>; associatedInputs?: string }> };

describe('share prompt cards', () => {
  it('offers Share and Not now first on the saved card, the entry’s parts ticked, the one team on the button', () => {
    const card = checkInSavedCard(
      { entry, sharePrompt: { entryId: entry.id, reason: 'rated', teams: [alpha], parts: ['insight', 'action'] } },
      en,
    );
    const check = expectValidTeamsCard(card);
    expect(check.renderedText).toContain('Share this with your team?');
    expect(check.inputIds).toEqual(['shareParts']);
    expect(check.inputValues.shareParts).toBe('insight,action');
    const actions = (card as Json).actions!;
    expect(actions.slice(0, 2).map((a) => [a.id, a.verb, a.data, a.associatedInputs])).toEqual([
      ['share-prompt-share', SHARE_PROMPT_VERB, { entryId: entry.id, shareTeamId: 'team-1', answer: 'share' }, 'auto'],
      ['share-prompt-not-now', SHARE_PROMPT_VERB, { entryId: entry.id, shareTeamId: 'team-1', answer: 'notNow' }, 'none'],
    ]);
  });

  it('lets a learner in several teams choose the team, and says why when a goal was reached', () => {
    const teams = [alpha, { teamId: 'team-2', name: 'Beta' }];
    const card = checkInSavedCard({ entry, sharePrompt: { entryId: entry.id, reason: 'goal', teams, parts: [] } }, en);
    const check = expectValidTeamsCard(card);
    expect(check.renderedText).toContain('You reached a goal');
    expect(check.inputIds).toEqual(['shareTeamId']);
    expect((card as Json).actions![0]!.data).toEqual({ entryId: entry.id, answer: 'share' });
  });

  it('shows no offer on a saved card that earned none', () => {
    const check = expectValidTeamsCard(checkInSavedCard({ entry }, en));
    expect(check.renderedText).not.toContain('Share this with your team?');
  });

  it('puts a lead’s request in the learner’s words, names escaped, the request on both buttons', () => {
    const card = askToShareCard(
      {
        leadId: 'lead-1',
        leadName: 'Alex **Wilber**',
        teamId: 'team-1',
        teamName: 'Alpha',
        entry: { entryId: entry.id, what: entry.what, insight: entry.insight, action: null, link: 'https://example.com' },
      },
      en,
    );
    const check = expectValidTeamsCard(card);
    expect(check.renderedText).toContain('Alex **Wilber** asks you to share this with Alpha');
    expect(check.renderedHtml).not.toContain('href="https://evil.example"');
    expect(check.inputValues.shareParts).toBe('insight,link');
    for (const action of (card as Json).actions!)
      expect(action.data).toMatchObject({ entryId: entry.id, teamId: 'team-1', leadId: 'lead-1' });
  });

  it('says what became of the answer', () => {
    expect(expectValidTeamsCard(sharePromptAnsweredCard({ status: 'shared', teamName: 'Alpha' }, en)).renderedText).toContain(
      'Shared in Alpha’s learning channel',
    );
    expect(expectValidTeamsCard(sharePromptAnsweredCard({ status: 'not-now', quiet: false }, en)).renderedText).toContain('No problem');
    expect(expectValidTeamsCard(sharePromptAnsweredCard({ status: 'not-now', quiet: true }, en)).renderedText).toContain('for a month');
  });
});
