import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_IN_NEW_VERB } from '../../bot/cards/check-in-saved-card.js';
import { CHECK_IN_SUBMIT_VERB } from '../../bot/cards/check-in-card.js';
import type { AdaptiveCard } from '../../bot/cards/card-types.js';
import { NUDGE_REPLY_VERB } from '../../bot/cards/nudge-cards.js';
import { DEMO_PEOPLE, DEMO_TEAM } from '../../bot/demo/demo-team.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import type { Nudge } from '../../bot/contract/nudge-rules.js';
import { cardActionActivity, inTeamChannel, installActivity, messageActivity } from '../../bot/testing/activities.js';
import { expectValidTeamsCard } from '../../bot/testing/card-validation.js';
import { startFakeConnector } from '../../bot/testing/fake-connector.js';
import { asDemoPerson, postActivity } from '../../bot/testing/requests.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';

const [alex, , adele, isaiah] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!, DEMO_PEOPLE[2]!, DEMO_PEOPLE[3]!];
const account = (p: (typeof DEMO_PEOPLE)[number]) => ({ id: p.teamsUserId, aadObjectId: p.userId, name: p.displayName });
const chat = (p: (typeof DEMO_PEOPLE)[number]) => `a:personal-${p.userId}`;

describe('the bot in its reader’s language (Azurite, local Bot Connector)', () => {
  let service: RunningTestService;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  /** An activity from someone whose Teams client speaks `locale`. */
  const from = <T extends object>(activity: T, locale: string) => ({ ...activity, locale });
  const post = (activity: unknown) => postActivity(service.baseUrl, activity);
  const options = (p: (typeof DEMO_PEOPLE)[number]) => ({ serviceUrl: connector.serviceUrl, from: account(p), conversationId: chat(p) });
  const lastCardIn = (conversationId: string) =>
    connector.sent.filter((s) => s.conversationId === conversationId).at(-1)?.activity.attachments?.[0]?.content as
      AdaptiveCard | undefined;
  const nudge = async (to: (typeof DEMO_PEOPLE)[number]) => {
    const res = await fetch(
      `${service.baseUrl}/api/v1/teams/${encodeURIComponent(DEMO_TEAM.id)}/members/${encodeURIComponent(to.userId)}/nudges`,
      {
        method: 'POST',
        headers: asDemoPerson(alex.userId),
        body: JSON.stringify({ note: '¿Qué tal?' }),
      },
    );
    expect(res.status).toBe(201);
    return ((await res.json()) as { nudge: Omit<Nudge, 'tenantId'> }).nudge;
  };

  beforeAll(async () => {
    connector = await startFakeConnector();
    service = await startTestService();
    await seedDemoData({ ...service, now: new Date() });
    await post(from(messageActivity('help', options(alex)), 'en-US'));
  }, 60_000);
  afterAll(async () => {
    await service.stop();
    await connector.stop();
  });

  it('answers a Spanish user’s "check in" with the check-in card in Spanish, and states problems in Spanish', async () => {
    await post(from(messageActivity('check in', options(adele)), 'es-ES'));
    const card = lastCardIn(chat(adele))!;
    const check = expectValidTeamsCard(card);
    expect(check.renderedText).toContain('Registra lo que has aprendido');
    expect(check.renderedText).toContain('¿Qué has aprendido?');
    expect(check.renderedText).not.toContain('What did you learn?');
    expect(card.rtl).toBeUndefined();

    const cardId = (card.actions?.[0] as { data?: { cardId?: string } }).data?.cardId;
    const rejected = (await post(
      from(cardActionActivity(CHECK_IN_SUBMIT_VERB, { cardId, what: '', sourceType: 'article', link: 'ftp://x' }, options(adele)), 'es-ES'),
    )) as AdaptiveCard;
    const again = expectValidTeamsCard(rejected);
    expect(again.renderedText).toContain('Corrige estas 2 cosas antes de guardar:');
    expect(again.renderedText).toContain('Cuéntanos qué has aprendido');
    expect(again.renderedText).toContain('El enlace tiene que ser una dirección web');
  });

  it('sends a Spanish user a lead’s nudge in Spanish, while the English-speaking lead reads the reply in English', async () => {
    const sent = await nudge(adele);
    expect(sent.delivered).toBe(true);
    const check = expectValidTeamsCard(lastCardIn(chat(adele)));
    expect(check.renderedText).toContain('Alex Wilber quiere saber cómo va tu aprendizaje');
    expect(check.renderedText).toContain('Necesito ayuda');

    const answered = (await post(
      from(
        cardActionActivity(NUDGE_REPLY_VERB, { teamId: DEMO_TEAM.id, nudgeId: sent.nudgeId, answer: 'need-help' }, options(adele)),
        'es-ES',
      ),
    )) as AdaptiveCard;
    expect(expectValidTeamsCard(answered).renderedText).toContain('Le dijiste a Alex Wilber: Necesito ayuda');
    expect(expectValidTeamsCard(lastCardIn(chat(alex))).renderedText).toContain('Adele Vance answered your nudge: I need help');
  });

  it('writes in Arabic right to left, and follows the language a person last used, even on a card', async () => {
    await post(from(messageActivity('help', options(isaiah)), 'ar-SA'));
    const help = lastCardIn(chat(isaiah))!;
    expect(help.rtl).toBe(true);
    expect(expectValidTeamsCard(help).renderedText).toContain('يساعدك Learning Loop');

    // The same person presses a button with their Teams client now in Spanish: later cards follow.
    const fresh = (await post(from(cardActionActivity(CHECK_IN_NEW_VERB, {}, options(isaiah)), 'es-MX'))) as AdaptiveCard;
    expect(expectValidTeamsCard(fresh).renderedText).toContain('Registra lo que has aprendido');
    await nudge(isaiah);
    const nudged = lastCardIn(chat(isaiah))!;
    expect(nudged.rtl).toBeUndefined();
    expect(expectValidTeamsCard(nudged).renderedText).toContain('quiere saber cómo va tu aprendizaje');
  });

  it('falls back to English for a language it does not speak', async () => {
    await post(from(messageActivity('check in', options(alex)), 'fr-FR'));
    expect(expectValidTeamsCard(lastCardIn(chat(alex))).renderedText).toContain('Log your learning');
  });
});

describe('scheduled check-ins in each learner’s language (Azurite, local Bot Connector, moving clock)', () => {
  const team = { id: '19:design-es@thread.tacv2', name: 'Diseño' };
  let service: RunningTestService;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let now = new Date('2026-11-25T10:00:00Z'); // a Wednesday
  const people = [alex, adele, isaiah];
  const post = (activity: unknown) => postActivity(service.baseUrl, activity);
  const from = (p: (typeof DEMO_PEOPLE)[number]) => ({
    serviceUrl: connector.serviceUrl,
    from: account(p),
    conversationId: `a:personal-${p.teamsUserId}`,
  });
  const inLocale = <T extends object>(activity: T, locale: string) => ({ ...activity, locale });
  const cardsTo = (p: (typeof DEMO_PEOPLE)[number], text: string) =>
    connector.sent
      .filter((s) => s.conversationId === `a:personal-${p.teamsUserId}` && JSON.stringify(s.activity).includes(text))
      .map((s) => s.activity.attachments?.[0]?.content as AdaptiveCard);

  beforeAll(async () => {
    connector = await startFakeConnector({
      [team.id]: { members: people.map(account), channels: [{ id: team.id }, { id: '19:shares-es@thread.tacv2', name: 'Aprendizaje' }] },
    });
    service = await startTestService({}, { clock: () => now });
    await service.queues.sends.create();
    await service.queues.poison.create();
    await post(inLocale(inTeamChannel(installActivity(from(alex)), team), 'en-US'));
    // Adele's Teams speaks Spanish; Isaiah has never written to the bot.
    await post(inLocale(messageActivity('hola', from(adele)), 'es-ES'));
    const schedule = {
      cadence: 'weekly',
      weekday: '5',
      localTime: '16:00',
      timeZone: 'Europe/London',
      reminderAfterHours: '24',
      sharesChannelId: '19:shares-es@thread.tacv2',
    };
    await post(inLocale(inTeamChannel(cardActionActivity('team.setup.submit', schedule, from(alex)), team), 'en-US'));
  }, 60_000);
  afterAll(async () => {
    await service.stop();
    await connector.stop();
  });

  it('sends the scheduled check-in in the language each learner last used, and the team’s to someone who never wrote', async () => {
    now = new Date('2026-11-27T16:01:00Z');
    await service.scheduler.tick();
    while ((await service.worker.drainOnce()) > 0);
    const [spanish] = cardsTo(adele, 'Es la hora de tu check-in');
    expect(expectValidTeamsCard(spanish).renderedText).toContain('Nada esta semana');
    expect(cardsTo(adele, 'Time for your check-in')).toHaveLength(0);
    expect(cardsTo(isaiah, 'Time for your check-in')).toHaveLength(1);
  });
});
