import type { AuditService } from '../services/audit-service.js';
import { MyDataErasure } from '../services/my-data-erasure.js';
import { MyDataService } from '../services/my-data-service.js';
import { RetentionService } from '../services/retention-service.js';
import { ShareErasure } from '../services/share-erasure.js';
import type { SharePublisher } from '../services/share-publisher.js';
import { TeamExportService } from '../services/team-export-service.js';
import type { WeeklyRoundups } from '../services/weekly-roundups.js';
import { AggregateStore } from '../store/aggregate-store.js';
import type { ServiceBasics } from './service-basics.js';

/** What is kept of people and for how long: a person's export and erasure, a team's export, and retention. */
export function personalDataServices(
  { config, stores, tables, queues, clock, logger }: ServiceBasics,
  needs: { publisher: SharePublisher; roundups: WeeklyRoundups; audit: AuditService },
) {
  const { publisher, roundups, audit } = needs;
  const shareErasure = new ShareErasure({ shares: stores.shares, publisher, logger, roundups });
  const teamExports = new TeamExportService({ ...stores, audit, clock });
  const myData = new MyDataService({
    stores,
    erasure: new MyDataErasure({ stores, shares: shareErasure, audit, logger, failedSends: queues.poison }),
    clock,
  });
  const retentionDays = config.retentionDays;
  const retention =
    retentionDays === undefined
      ? undefined
      : new RetentionService({
          ...stores,
          days: retentionDays,
          aggregates: new AggregateStore(tables.aggregates),
          clock,
          logger,
        });
  return { teamExports, myData, retention };
}
