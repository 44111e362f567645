import type { TurnContext } from 'botbuilder';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { CHECK_IN_SUBMIT_VERB } from '../cards/check-in-card.js';
import { checkCard } from '../testing/card-validation.js';
import { messageActivity } from '../testing/activities.js';
import { TEAM_SETUP_OPEN_VERB } from '../cards/team-setup-cards.js';
import { CHECK_IN_NEW_VERB } from '../cards/check-in-saved-card.js';
import { GOAL_NEW_VERB } from '../cards/goal-cards.js';
import { CardActions, cardActionTable, type CardActionDeps } from './card-actions.js';

/**
 * Every dependency as a recorder: any method called on it is noted, and answers with what the
 * test says (by default it throws, so a call nobody expected fails loudly).
 */
function recorded(answers: Record<string, (...args: unknown[]) => unknown> = {}) {
  const calls: string[] = [];
  const deps = new Proxy({} as Record<string, unknown>, {
    get: (_target, dep: string) =>
      new Proxy(
        {},
        {
          get: (_t, method: string) => {
            if (method === 'then') return undefined;
            return (...args: unknown[]) => {
              calls.push(`${dep}.${method}`);
              const answer = answers[`${dep}.${method}`];
              if (!answer) throw new Error(`unexpected call: ${dep}.${method}`);
              return answer(...args);
            };
          },
        },
      ),
  }) as unknown as CardActionDeps;
  return { deps, calls };
}

function tableWith(deps: CardActionDeps): CardActions {
  return new CardActions(cardActionTable(deps), pino({ enabled: false }));
}

async function press(table: CardActions, verb: unknown, data: unknown) {
  const context = { activity: messageActivity('', { serviceUrl: 'https://smba.example' }) } as unknown as TurnContext;
  const answer = await table.answer(context, { action: { type: 'Action.Execute', verb, data } } as never);
  return { answer, card: answer.value, text: JSON.stringify(answer.value) };
}

/** Verbs that take no data: whatever comes with them opens a fresh form. */
const TAKES_NO_DATA = [CHECK_IN_NEW_VERB, GOAL_NEW_VERB, TEAM_SETUP_OPEN_VERB];

describe('the card-action verb table', () => {
  it('answers a verb it does not know with the "no longer supported" card, calling nothing', async () => {
    const { deps, calls } = recorded();
    for (const verb of ['checkin.unknown', '', 42, undefined]) {
      const { text } = await press(tableWith(deps), verb, {});
      expect(text).toContain('This button is no longer supported');
    }
    expect(calls).toEqual([]);
  });

  it('refuses a payload that is not the form for every verb that takes one, with a card stating the problem, and calls no service', async () => {
    const { deps, calls } = recorded({
      // The erase card's refusal is the card again; it looks at nothing but the chat.
      'myData.erase': async () => ({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'x', color: 'attention' }] }),
    });
    const table = tableWith(deps);
    const verbs = table.verbs.filter((v) => !TAKES_NO_DATA.includes(v));
    expect(verbs.length).toBe(table.verbs.length - TAKES_NO_DATA.length);
    expect(verbs).toHaveLength(16);
    for (const verb of verbs) {
      for (const data of ['not a form', 7, null, ['cardId']]) {
        const { card, text } = await press(table, verb, data);
        expect(text, `${verb} with ${JSON.stringify(data)}`).toMatch(/"color":"attention"/);
        expect(checkCard(card).parseErrors, verb).toEqual([]);
      }
    }
    expect(calls.filter((c) => c !== 'myData.erase')).toEqual([]);
  });

  it('answers a check-in that storage failed to save with the card again, every typed value kept', async () => {
    const { deps } = recorded({
      'capture.capture': async () => {
        throw new Error('storage is down');
      },
    });
    const data = {
      cardId: 'card-0000-0001',
      what: 'Not lost',
      sourceType: 'book',
      link: 'https://example.com/book',
      minutes: '45',
      rating: '4',
      insight: 'Small batches',
      action: 'Try it Monday',
      visibility: 'team',
      shareTeamId: 'team-1',
      shareParts: 'insight,action',
    };
    const { card, text } = await press(tableWith(deps), CHECK_IN_SUBMIT_VERB, data);
    expect(text).toContain('We couldn’t save this just now');
    const { inputValues } = checkCard(card);
    expect(inputValues).toMatchObject({
      what: 'Not lost',
      sourceType: 'book',
      link: 'https://example.com/book',
      minutes: '45',
      rating: '4',
      insight: 'Small batches',
      action: 'Try it Monday',
      visibility: 'team',
      shareParts: 'insight,action',
    });
    // The team the share named comes back too, as the one team to share with.
    expect(text).toContain('team-1');
    expect(text).toContain('card-0000-0001');
  });
});
