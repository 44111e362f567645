import type { AuditService } from '../services/audit-service.js';
import { LrsAdminService } from '../services/lrs-admin-service.js';
import { httpLrsClient } from '../services/lrs-client.js';
import type { ReportService } from '../services/report-service.js';
import { XapiBackfill } from '../services/xapi-backfill.js';
import type { OutboxRecorder } from '../services/xapi-recorder.js';
import { XapiSender } from '../services/xapi-sender.js';
import type { ServiceBasics } from './service-basics.js';
import type { ServiceOptions } from './service-options.js';

/** Each tenant's Learning Record Store: its settings, and the statements sent to it (history included). */
export function lrsServices(
  { config, stores, queues, clock, logger }: ServiceBasics,
  options: ServiceOptions,
  needs: { reports: ReportService; audit: AuditService; xapi: OutboxRecorder },
) {
  const { reports, audit, xapi } = needs;
  const lrs = new LrsAdminService({
    admins: reports,
    settings: stores.lrs,
    outbox: stores.xapiOutbox,
    queue: queues.xapi,
    settingsChanged: (tenantId) => xapi.forget(tenantId),
    allowList: config.lrsAllowList,
    audit,
    clock,
  });
  const xapiBackfill = new XapiBackfill({ ...stores, settings: stores.lrs, outbox: stores.xapiOutbox, clock, logger });
  const xapiSender = new XapiSender({
    queue: queues.xapi,
    settings: stores.lrs,
    outbox: stores.xapiOutbox,
    lrs: options.lrsClient ?? httpLrsClient({ allowPrivate: config.mode === 'local', allowList: config.lrsAllowList }),
    backfill: xapiBackfill,
    clock,
    logger,
    ...options.xapiSender,
  });
  return { lrs, xapiBackfill, xapiSender };
}
