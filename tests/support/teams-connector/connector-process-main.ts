/**
 * The Teams connector stand-in in a process of its own (see `connector-process.ts`): its event
 * loop serves nothing else, so the time it stamps on each arrival is late only by its own work.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ConnectorProcessOrder, ConnectorProcessReport, ConnectorProcessSettings } from './connector-process.js';
import { startTeamsConnector } from './teams-connector.js';

const settings = JSON.parse(process.env.TEAMS_CONNECTOR_SETTINGS ?? '{}') as ConnectorProcessSettings;
const connector = await startTeamsConnector(settings.options);
const burstWindows: Array<[number, number]> = [];
const answer = connector.model.answer.bind(connector.model);
connector.model.answer = (request, arrivedAfter) => {
  const given = answer(request, arrivedAfter);
  if (given.reason === 'burst429') burstWindows.push([Date.now(), Date.now() + Number(given.retryAfter ?? 0) * 1000]);
  return given;
};
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

// Each marker's conversations, read as cards come and each card once.
const markers = settings.markers ?? {};
const marked = Object.fromEntries(Object.keys(markers).map((name) => [name, { conversations: new Set<string>(), deliveries: 0 }]));
let read = 0;
const readNew = () => {
  for (; read < connector.accepted.length; read++) {
    const activity = connector.accepted[read]!;
    if (activity.kind !== 'send') continue;
    const body = JSON.stringify(activity.body);
    for (const [name, text] of Object.entries(markers))
      if (body.includes(text)) {
        marked[name]!.conversations.add(activity.conversationId);
        marked[name]!.deliveries++;
      }
  }
};
const progress = setInterval(() => {
  readNew();
  process.send?.({
    progress: {
      marked: Object.fromEntries(Object.entries(marked).map(([name, m]) => [name, m.conversations.size])),
      lastDeliveryAt: connector.stats.lastDeliveryAt,
    },
  });
}, 100);

process.on('message', (order: ConnectorProcessOrder) => {
  if (order !== 'finish') return;
  clearInterval(progress);
  loopDelay.disable();
  readNew();
  const { stats } = connector;
  const report: ConnectorProcessReport = {
    log: connector.log,
    stats: {
      requests: stats.requests,
      byKind: stats.byKind,
      accepted: stats.accepted,
      throttledOverLimit: stats.throttledOverLimit,
      injected429: stats.injected429,
      injected5xx: stats.injected5xx,
      maxRequestsInOneSecond: stats.maxRequestsInOneSecond,
      maxRequestsInOneSecondAsStamped: stats.maxRequestsInOneSecondAsStamped,
      conversationViolations: stats.conversationViolations,
      violationsByLimit: stats.violationsByLimit,
      duplicates: stats.duplicates,
      lastDeliveryAt: stats.lastDeliveryAt,
    },
    marked: Object.fromEntries(
      Object.entries(marked).map(([name, m]) => [name, { conversations: [...m.conversations], deliveries: m.deliveries }]),
    ),
    burstWindows,
    loopDelayMs: { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
  };
  process.send?.({ report }, () => void connector.stop().then(() => process.exit(0)));
});
process.once('disconnect', () => void connector.stop().then(() => process.exit(0)));
process.send?.({ serviceUrl: connector.serviceUrl });
