import path from 'node:path';
import { ConfigError, loadConfig } from './config.js';
import { startTelemetry } from './telemetry.js';

// Only configuration and telemetry are imported up front: instrumentation reaches only the modules
// loaded after it starts, so the HTTP server, botbuilder and the Azure SDK are imported below it.
async function main(): Promise<void> {
  // The package root is the working directory for npm start, npm run serve and App Service alike.
  const defaultTab = path.resolve(process.cwd(), 'tab/dist');
  const config = loadConfig({ TAB_DIST_DIR: defaultTab, ...process.env });
  const telemetry = await startTelemetry(config.telemetryConnectionString);
  const { runService } = await import('./run-service.js');
  await runService(config, telemetry);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Learning Loop failed to start:', error);
  }
  process.exit(1);
});
