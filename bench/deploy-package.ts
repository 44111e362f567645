import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { APP_DIR, ZIP_FILE } from '../scripts/package.js';
import { listFiles } from '../scripts/lib/zip.js';

export interface DeployPackageResult {
  /** The run-from-package zip App Service mounts. */
  zippedMb: number;
  unpackedMb: number;
  files: number;
  /** Parts of the unpacked size: the bundled service, the built tab, the external packages. */
  serverMb: number;
  tabMb: number;
  nodeModulesMb: number;
  targetZippedMb: number;
}

/** Builds the deploy artifact (npm run package) and weighs it. */
export function runDeployPackage(root: string): DeployPackageResult {
  const built = spawnSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run package failed');
  const files = listFiles(APP_DIR);
  const size = (prefix: string) => files.filter((f) => f.startsWith(prefix)).reduce((n, f) => n + statSync(path.join(APP_DIR, f)).size, 0);
  return {
    zippedMb: mb(statSync(ZIP_FILE).size),
    unpackedMb: mb(size('')),
    files: files.length,
    serverMb: mb(size(`server${path.sep}`)),
    tabMb: mb(size(`tab${path.sep}`)),
    nodeModulesMb: mb(size(`node_modules${path.sep}`)),
    targetZippedMb: 50,
  };
}

function mb(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}
