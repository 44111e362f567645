import type { FollowUpService } from '../services/follow-up-service.js';
import { learningServices } from './learning-services.js';
import { lrsServices } from './lrs-services.js';
import { organisationServices } from './organisation-services.js';
import { outreachServices } from './outreach-services.js';
import { personalDataServices } from './personal-data-services.js';
import type { ServiceBasics } from './service-basics.js';
import type { ServiceOptions } from './service-options.js';
import type { TeamsSide } from './teams-side.js';

export type AllServices = ReturnType<typeof allServices>;

/** Every service, each built over the stores and the services it calls. */
export function allServices(basics: ServiceBasics, options: ServiceOptions, { publisher }: Pick<TeamsSide, 'publisher'>) {
  const organisation = organisationServices(basics, options);
  // Late bound: the follow-ups are built further down (they need the chat and the audit trail); called only once requests arrive.
  const followUps: Pick<FollowUpService, 'resultRecorded'> = {
    resultRecorded: (learner, at, reads) => outreach.followUps.resultRecorded(learner, at, reads),
  };
  const learning = learningServices(basics, {
    publisher,
    orgFigures: organisation.orgFigures,
    audit: organisation.audit,
    followUps,
    ldSettings: organisation.ldSettings,
  });
  const outreach = outreachServices(basics, { ...learning, ...organisation, publisher });
  const lrs = lrsServices(basics, options, { ...organisation, xapi: learning.xapi });
  const personalData = personalDataServices(basics, { publisher, roundups: outreach.roundups, audit: organisation.audit });
  return { ...organisation, ...learning, ...outreach, ...lrs, ...personalData };
}
