import { describe, expect, it, vi } from 'vitest';
import { startTelemetry, type AzureMonitor } from './telemetry.js';

const CONNECTION =
  'InstrumentationKey=5b9e2d4f-1c3a-4e7b-8d6f-0a2c4e6b8d1f;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/';

function fakeMonitor() {
  const monitor = { useAzureMonitor: vi.fn(), shutdownAzureMonitor: vi.fn(async () => {}) } satisfies AzureMonitor;
  return { monitor, load: vi.fn(async () => monitor) };
}

describe('startTelemetry', () => {
  it('without a connection string loads nothing and sends nothing', async () => {
    const { load } = fakeMonitor();
    for (const connection of [undefined, '']) {
      const telemetry = await startTelemetry(connection, load);
      expect(telemetry.enabled).toBe(false);
      await telemetry.flush();
    }
    expect(load).not.toHaveBeenCalled();
  });

  it('with one, sends requests, HTTP and storage dependencies to that resource, and flushes on shutdown', async () => {
    const { monitor, load } = fakeMonitor();
    const telemetry = await startTelemetry(CONNECTION, load);
    expect(telemetry.enabled).toBe(true);
    expect(monitor.useAzureMonitor).toHaveBeenCalledOnce();
    expect(monitor.useAzureMonitor.mock.calls[0]![0]).toMatchObject({
      azureMonitorExporterOptions: { connectionString: CONNECTION },
      instrumentationOptions: { http: { enabled: true }, azureSdk: { enabled: true } },
    });
    expect(monitor.shutdownAzureMonitor).not.toHaveBeenCalled();
    await telemetry.flush();
    expect(monitor.shutdownAzureMonitor).toHaveBeenCalledOnce();
  });
});

describe('main.ts', () => {
  it('imports the HTTP server, botbuilder and the Azure SDK only after telemetry has started', async () => {
    const { readFile } = await import('node:fs/promises');
    const source = await readFile(new URL('./main.ts', import.meta.url), 'utf8');
    const staticImports = [...source.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
    expect(staticImports.sort()).toEqual(['./config.js', './telemetry.js', 'node:path']);
    const started = source.indexOf('await startTelemetry(');
    const rest = source.indexOf("await import('./run-service.js')");
    expect(started).toBeGreaterThan(0);
    expect(rest).toBeGreaterThan(started);
  });
});
