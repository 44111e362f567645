import type { TurnContext } from 'botbuilder';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createAdapter } from './adapter.js';
import { LocalSendBudget } from '../services/local-send-budget.js';
import { OutboundPacer } from '../services/outbound-pacer.js';

describe('the adapter’s answer to a failed turn', () => {
  const failedTurn = async (locale: string) => {
    const adapter = createAdapter(
      { appId: undefined, appPassword: undefined, appType: 'UserAssignedMsi', appTenantId: undefined },
      pino({ enabled: false }),
      undefined,
      new OutboundPacer({ budget: new LocalSendBudget(50) }),
    );
    const sent: Array<{ text?: string }> = [];
    // A TurnContext with only what the error handler reads and writes.
    const context = { activity: { type: 'message', locale }, sendActivity: async (a: { text?: string }) => void sent.push(a) };
    await adapter.onTurnError(context as unknown as TurnContext, new Error('storage is down'));
    return sent.map((a) => a.text);
  };

  it('apologises in the person’s language, English for one it does not speak', async () => {
    expect(await failedTurn('es-MX')).toEqual([expect.stringContaining('Lo sentimos, algo ha fallado por nuestra parte')]);
    expect(await failedTurn('ar-EG')).toEqual([expect.stringContaining('عذرًا — حدث خطأ من جهتنا')]);
    expect(await failedTurn('de-DE')).toEqual(['Sorry — something went wrong on our side. Please try that again in a moment.']);
  });
});
