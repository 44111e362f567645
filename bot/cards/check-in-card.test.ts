import { describe, expect, it } from 'vitest';
import { expectValidTeamsCard } from '../testing/card-validation.js';
import { CHECK_IN_SUBMIT_VERB, checkInCard } from './check-in-card.js';
import { botTranslator } from '../i18n/bot-messages.js';

const en = botTranslator('en');

describe('checkInCard', () => {
  it('is a valid Teams card with every check-in input and a Save action', () => {
    const card = checkInCard({ cardId: 'card-1' }, en);
    const check = expectValidTeamsCard(card);
    expect(check.inputIds).toEqual(['what', 'sourceType', 'link', 'minutes', 'rating', 'insight', 'action', 'visibility']);
    expect(card.actions).toEqual([
      expect.objectContaining({ type: 'Action.Execute', verb: CHECK_IN_SUBMIT_VERB, data: { cardId: 'card-1' } }),
    ]);
    expect(check.renderedText).toContain('What did you learn?');
    expect(check.renderedText).not.toContain('Please fix');
  });

  it('shows every problem and keeps what the learner typed', () => {
    const card = checkInCard(
      {
        cardId: 'card-1',
        values: { what: '', link: 'ftp://x', minutes: 'abc', insight: 'Keep me', sourceType: 'video', rating: '4' },
        errors: { what: 'Tell us what you learned', link: 'The link must be a web address', minutes: 'Minutes must be a number' },
      },
      en,
    );
    const check = expectValidTeamsCard(card);
    expect(check.renderedText).toContain('Please fix these 3 things before saving:');
    expect(check.renderedText).toContain('Minutes must be a number (you entered “abc”)');
    expect(check.inputValues).toMatchObject({ link: 'ftp://x', insight: 'Keep me', sourceType: 'video', rating: '4' });
    expect(card.actions?.[0]).toMatchObject({ data: { cardId: 'card-1' } });
  });

  it('on a scheduled check-in, asks what came of each action still awaiting a result (up to three, as given) and offers "Nothing this week"', () => {
    const awaiting = [
      { entryId: 'entry-1111', createdAt: '2026-11-06T10:00:00.000Z', action: 'Try **pairing**' },
      { entryId: 'entry-2222', createdAt: '2026-11-13T10:00:00.000Z', action: 'Write the runbook' },
      { entryId: 'entry-3333', createdAt: '2026-11-20T10:00:00.000Z', action: 'Demo it', answer: 'dropped' },
    ];
    const card = checkInCard({ cardId: 'card-2', cycle: '2026-W48', awaiting }, en);
    const check = expectValidTeamsCard(card);
    expect(check.renderedText).toContain('Time for your check-in');
    expect(check.renderedText).toContain('What came of the 3 actions you planned?');
    expect(check.renderedText).toContain('“Try **pairing**” (planned');
    expect(check.renderedText).toContain('“Demo it”');
    expect(check.inputIds.slice(0, 6)).toEqual([
      'actionAnswer.0',
      'actionResult.0',
      'actionAnswer.1',
      'actionResult.1',
      'actionAnswer.2',
      'actionResult.2',
    ]);
    expect(check.inputValues).toMatchObject({ 'actionAnswer.2': 'dropped' });
    expect(card.actions?.map((a) => a.title)).toEqual(['Save', 'Nothing this week', 'Remind me tomorrow']);
    expect(card.actions?.[0]).toMatchObject({
      data: {
        cardId: 'card-2',
        cycle: '2026-W48',
        asked: awaiting.map(({ entryId, createdAt, action }) => ({ entryId, createdAt, action })),
      },
    });
  });

  it('asks about one awaiting action in the singular, and about none when nothing awaits', () => {
    const one = expectValidTeamsCard(
      checkInCard(
        { cardId: 'card-4', cycle: '2026-W48', awaiting: [{ entryId: 'entry-1111', createdAt: '2026-11-06T10:00:00.000Z', action: 'X' }] },
        en,
      ),
    );
    expect(one.renderedText).toContain('What came of the action you planned?');
    const none = checkInCard({ cardId: 'card-5', cycle: '2026-W48' }, en);
    expect(expectValidTeamsCard(none).inputIds).not.toContain('actionAnswer.0');
    expect(none.actions?.[0]).not.toHaveProperty('data.asked');
  });

  it('keeps a learner’s text literal even when it looks like Markdown', () => {
    const card = checkInCard(
      {
        cardId: 'c',
        values: { what: '[pwn](https://evil.example)' },
        errors: { minutes: 'Minutes must be a number' },
      },
      en,
    );
    const check = expectValidTeamsCard(card);
    // Input values are plain text by nature; only the echoed error text is Markdown, and it stays inert.
    expect(check.renderedHtml).not.toContain('href="https://evil.example"');
  });
});

describe('checkInCard: sharing with the team', () => {
  it('offers an opt-in share with the one team, naming it, and carries the team on Save', () => {
    const card = checkInCard({ cardId: 'card-3', share: { teams: [{ teamId: 'team-1', name: 'Product Design.' }] } }, en);
    const check = expectValidTeamsCard(card);
    expect(check.inputIds).toEqual(['what', 'sourceType', 'link', 'minutes', 'rating', 'insight', 'action', 'visibility', 'shareParts']);
    expect(check.renderedText).toContain('If you choose My team, it is shared in Product Design.’s learning channel');
    // Sharing is opt-in: the choice starts at the leads, not the team.
    expect(check.inputValues).toMatchObject({ visibility: 'leads', shareParts: 'insight,link' });
    expect(card.actions?.[0]).toMatchObject({ data: { cardId: 'card-3', shareTeamId: 'team-1' } });
  });

  it('asks which team when there are several, and keeps the choices and the problem on a rejected card', () => {
    const card = checkInCard(
      {
        cardId: 'card-4',
        share: {
          teams: [
            { teamId: 'team-1', name: 'Design' },
            { teamId: 'team-2', name: 'Platform' },
          ],
          values: { visibility: 'team', shareTeamId: 'team-2', shareParts: 'action' },
          error: 'Platform has no learning channel yet',
        },
      },
      en,
    );
    const check = expectValidTeamsCard(card);
    expect(check.inputValues).toMatchObject({ visibility: 'team', shareTeamId: 'team-2', shareParts: 'action' });
    expect(check.renderedText).toContain('Please fix this before saving:');
    expect(check.renderedText).toContain('Platform has no learning channel yet');
    expect(card.actions?.[0]).toMatchObject({ data: { cardId: 'card-4' } });
    expect(card.actions?.[0]).not.toMatchObject({ data: { shareTeamId: expect.anything() } });
  });
});

describe('checkInCard: who can see this', () => {
  const choicesOf = (card: ReturnType<typeof checkInCard>) => JSON.stringify(card).match(/"id":"visibility".*?"choices":(\[.*?\])/)?.[1];

  it('offers only me and my leads when there is no team channel to share with', () => {
    const card = checkInCard({ cardId: 'card-5' }, en);
    expect(choicesOf(card)).toContain('Only me');
    expect(choicesOf(card)).toContain('My team’s leads');
    expect(choicesOf(card)).not.toContain('My team (learning channel)');
    expect(expectValidTeamsCard(card).inputValues).toMatchObject({ visibility: 'leads' });
  });

  it('says under the choice that leads see new entries by default, and where to change it later', () => {
    for (const [t, words] of [
      [en, 'Your team’s leads see new entries unless you pick “Only me”. You can change it later in My learning.'],
      [botTranslator('es'), 'Los responsables de tu equipo ven las entradas nuevas salvo que elijas «Solo yo».'],
      [botTranslator('ar'), 'يرى قادة فريقك الإدخالات الجديدة ما لم تختر «أنا فقط».'],
    ] as const) {
      expect(expectValidTeamsCard(checkInCard({ cardId: 'card-9' }, t)).renderedText).toContain(words);
    }
  });

  it('offers the team when there is a channel, and keeps the choice', () => {
    const card = checkInCard(
      { cardId: 'card-6', values: { visibility: 'private' }, share: { teams: [{ teamId: 'team-1', name: 'Design' }] } },
      en,
    );
    expect(choicesOf(card)).toContain('My team (learning channel)');
    expect(expectValidTeamsCard(card).inputValues).toMatchObject({ visibility: 'private' });
  });

  it('states a bad choice as a problem and falls back to the default on the card', () => {
    const card = checkInCard(
      {
        cardId: 'card-7',
        values: { visibility: 'everyone' },
        errors: { visibility: 'Choose who can see this: Only me, My team’s leads, My team (learning channel)' },
      },
      en,
    );
    const check = expectValidTeamsCard(card);
    expect(check.renderedText).toContain('Please fix this before saving:');
    expect(check.renderedText).toContain('Choose who can see this');
    expect(check.inputValues).toMatchObject({ visibility: 'leads' });
  });

  it('is not asked on the share form, which always shares', () => {
    const card = checkInCard({ cardId: 'card-8', purpose: 'share', share: { teams: [{ teamId: 'team-1', name: 'Design' }] } }, en);
    expect(expectValidTeamsCard(card).inputIds).not.toContain('visibility');
  });
});
