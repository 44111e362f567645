import { z } from 'zod';
import { TEAM_SETUP_OPEN_VERB, TEAM_SETUP_SUBMIT_VERB } from '../cards/team-setup-cards.js';
import { cardAction, type CardActionRoute } from './card-action-route.js';
import { SCHEDULE_FIELDS, type ScheduleValues, type TeamFlows } from './team-flows.js';

/** The setup card's inputs: text (a number read as its digits), anything else not given; the service checks each. */
const setupSchema = z
  .custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v))
  .transform((data) => {
    const values: ScheduleValues = {};
    for (const field of SCHEDULE_FIELDS) {
      const v = data[field];
      if (typeof v === 'string' || typeof v === 'number') values[field] = String(v);
    }
    return values;
  });

/** A team's setup card, opened and submitted from its channel. */
export function teamSetupActions(teamFlows: TeamFlows): CardActionRoute[] {
  return [
    cardAction({ verb: TEAM_SETUP_OPEN_VERB, schema: z.unknown(), handle: (_none, { context }) => teamFlows.openSetup(context) }),
    cardAction({
      verb: TEAM_SETUP_SUBMIT_VERB,
      schema: setupSchema,
      handle: (values, { context }) => teamFlows.submitSetup(context, values),
    }),
  ] as CardActionRoute[];
}
