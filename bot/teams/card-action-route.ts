import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import type { z } from 'zod';
import type { BotTranslator } from '../i18n/bot-messages.js';
import type { SeenPerson } from '../services/people-service.js';

/** Who pressed, where, and in which language they read: known before any route runs. */
export interface CardActionContext {
  context: TurnContext;
  sender: SeenPerson;
  t: BotTranslator;
}

/**
 * One row of the verb table: an `Action.Execute` verb, the zod schema its `data` is parsed with
 * (once, here at the edge), and the handler that turns the typed command into a service call and
 * the service's outcome into the card that replaces the pressed one.
 */
export interface CardActionRoute<TCommand = unknown> {
  verb: string;
  schema: z.ZodType<TCommand>;
  handle(command: TCommand, ctx: CardActionContext): Promise<AdaptiveCardInvokeResponse>;
  /** The answer when `data` does not parse; defaults to an error card naming the button as unknown. */
  refused?(raw: unknown, ctx: CardActionContext): Promise<AdaptiveCardInvokeResponse> | AdaptiveCardInvokeResponse;
  /** The answer when the handler throws; defaults to "try again". Keeps what the person typed. */
  failed?(command: TCommand, ctx: CardActionContext): AdaptiveCardInvokeResponse;
}

/** Typed at the definition, so `handle` sees exactly what `schema` produces. */
export function cardAction<TCommand>(route: CardActionRoute<TCommand>): CardActionRoute<TCommand> {
  return route;
}
