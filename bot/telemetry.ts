import type { AzureMonitorOpenTelemetryOptions } from '@azure/monitor-opentelemetry';

/** The parts of `@azure/monitor-opentelemetry` the service uses, so a test can stand in for them. */
export interface AzureMonitor {
  useAzureMonitor(options: AzureMonitorOpenTelemetryOptions): void;
  shutdownAzureMonitor(): Promise<void>;
}

export interface Telemetry {
  enabled: boolean;
  /** Sends what is still buffered; called on shutdown so the last requests are not lost. */
  flush(): Promise<void>;
}

const OFF: Telemetry = { enabled: false, flush: async () => {} };

/**
 * Starts Application Insights when a connection string is configured; otherwise loads nothing and
 * sends nothing. It must run before the HTTP server, express, botbuilder and the Azure SDK clients
 * are imported: in an ES module service, instrumentation reaches only modules loaded after its
 * loader hook is registered, so main.ts imports the rest of the service only afterwards.
 *
 * Requests (incoming HTTP), dependencies (outgoing HTTP to the Bot Framework, and storage through
 * the Azure SDK) and traces go to Application Insights. pino's own log lines do not: the package
 * instruments bunyan, winston and console but has no pino instrumentation. They are written to
 * stdout, which App Service sends to the Log Analytics workspace (infra/azure.bicep).
 */
export async function startTelemetry(
  connectionString: string | undefined,
  load: () => Promise<AzureMonitor> = loadAzureMonitor,
): Promise<Telemetry> {
  if (!connectionString) return OFF;
  const monitor = await load();
  monitor.useAzureMonitor({
    azureMonitorExporterOptions: { connectionString },
    instrumentationOptions: {
      http: { enabled: true },
      azureSdk: { enabled: true },
    },
  });
  return { enabled: true, flush: () => monitor.shutdownAzureMonitor() };
}

async function loadAzureMonitor(): Promise<AzureMonitor> {
  // Registers OpenTelemetry's ES module hook; the distro itself is loaded afterwards, as its guide asks.
  await import('@azure/monitor-opentelemetry/loader');
  return import('@azure/monitor-opentelemetry');
}
