import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { listFiles, zipFolder } from './lib/zip.js';

/**
 * `npm run package`: the deploy artifact, holding only what runs in App Service.
 *
 *   dist/deploy/app/               the folder teamsapp.yml's zipDeploy uploads (run from package)
 *     package.json                 "type": "module" and the start command
 *     server/                      the service bundled by esbuild (bot/main.ts and all it imports)
 *     tab/dist/                    the tab built by Vite (React, Fluent, teams-js are inside it)
 *     node_modules/                only the packages the bundle leaves external, and theirs
 *   dist/deploy/learning-loop.zip  the same folder zipped, for `az webapp deploy` and the checks
 *
 * The service is bundled because its dependencies install to hundreds of megabytes, most of it
 * files that never load (other platforms' builds, type declarations, source maps). Left external:
 * Application Insights (@azure/monitor-opentelemetry), which loads its OpenTelemetry
 * instrumentations and exporter dynamically, and @azure/core-tracing, which its Azure SDK
 * instrumentation patches when the module is loaded: bundled, the SDK's storage calls would no
 * longer be seen as dependencies.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEPLOY_DIR = path.join(root, 'dist/deploy');
export const APP_DIR = path.join(DEPLOY_DIR, 'app');
export const ZIP_FILE = path.join(DEPLOY_DIR, 'learning-loop.zip');
const EXTERNAL_PACKAGES = ['@azure/monitor-opentelemetry', '@azure/core-tracing'];

/** Files of the external packages that Node never loads on Linux. */
const NEVER_LOADED = [
  /\.d\.[cm]?ts$/,
  /\.d\.ts\.map$/,
  /\.map$/,
  /\.tsbuildinfo$/,
  /(^|\/)(CHANGELOG|HISTORY|README|CONTRIBUTING|SECURITY)(\.md|\.txt)?$/i,
  /(^|\/)dist\/(browser|react-native)\//,
  /\.(ts|tsx)$/,
];

async function main(): Promise<void> {
  rmSync(DEPLOY_DIR, { recursive: true, force: true });
  mkdirSync(APP_DIR, { recursive: true });

  // Built straight into the package, not into tab/dist: a build there would empty the folder
  // under a running npm start or an end-to-end test serving from it.
  const tabOut = path.join(APP_DIR, 'tab/dist');
  run('npx', ['vite', 'build', '--config', 'tab/vite.config.ts', '--logLevel', 'warn', '--outDir', tabOut, '--emptyOutDir']);
  // Vite's manifest is for the bundle benchmark, not for browsers.
  rmSync(path.join(tabOut, '.vite'), { recursive: true, force: true });

  await bundleService(path.join(APP_DIR, 'server'));
  for (const dir of externalClosure()) {
    cpSync(path.join(root, dir), path.join(APP_DIR, dir), {
      recursive: true,
      filter: (src) => {
        const rel = path.relative(path.join(root, dir), src).split(path.sep).join('/');
        // A nested node_modules is copied as a package of the closure in its own right, or not at all.
        return !rel.startsWith('node_modules') && !NEVER_LOADED.some((pattern) => pattern.test(rel));
      },
    });
  }

  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string; engines: object };
  writeFileSync(
    path.join(APP_DIR, 'package.json'),
    `${JSON.stringify(
      {
        name: pkg.name,
        version: pkg.version,
        private: true,
        type: 'module',
        engines: pkg.engines,
        scripts: { start: 'node server/main.js' },
      },
      null,
      2,
    )}\n`,
  );

  const zipped = zipFolder(APP_DIR, ZIP_FILE);
  const unpackedBytes = listFiles(APP_DIR).reduce((n, f) => n + statSync(path.join(APP_DIR, f)).size, 0);
  console.log(
    `Deploy package: ${path.relative(root, ZIP_FILE)}, ${mb(zipped.bytes)} MB zipped, ` +
      `${mb(unpackedBytes)} MB unpacked, ${zipped.files} files (folder: ${path.relative(root, APP_DIR)})`,
  );
}

async function bundleService(outdir: string): Promise<void> {
  await build({
    absWorkingDir: root,
    entryPoints: { main: 'bot/main.ts' },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${readFileSync(path.join(root, '.nvmrc'), 'utf8').trim().split('.')[0]}`,
    // main.ts imports the service only after telemetry has started; splitting keeps that import a
    // real one, so the modules behind it (and the external ones they import) load afterwards.
    splitting: true,
    external: EXTERNAL_PACKAGES.flatMap((name) => [name, `${name}/*`]),
    // Bundled CommonJS packages (botbuilder, msal) call require and read __dirname.
    banner: {
      js: [
        "import { createRequire as __llCreateRequire } from 'node:module';",
        "import { fileURLToPath as __llFileURLToPath } from 'node:url';",
        "import { dirname as __llDirname } from 'node:path';",
        'const require = __llCreateRequire(import.meta.url);',
        'const __filename = __llFileURLToPath(import.meta.url);',
        'const __dirname = __llDirname(__filename);',
      ].join(' '),
    },
    // Whitespace and syntax only: names stay readable in stack traces.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
}

/**
 * The external packages and every package they depend on, as paths under node_modules as npm laid
 * them out here, so that Node resolves each the same way inside the package.
 */
function externalClosure(): string[] {
  const seen = new Set<string>();
  const visit = (name: string, fromDir: string, optional: boolean) => {
    const dir = resolvePackageDir(name, fromDir);
    if (!dir) {
      if (optional) return;
      throw new Error(`${name} (needed from ${path.relative(root, fromDir) || '.'}) is not installed: run npm ci`);
    }
    const rel = path.relative(root, dir);
    if (seen.has(rel)) return;
    seen.add(rel);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
      peerDependencies?: Record<string, string>;
    };
    for (const dep of Object.keys(manifest.dependencies ?? {})) visit(dep, dir, false);
    for (const dep of Object.keys({ ...manifest.optionalDependencies, ...manifest.peerDependencies })) visit(dep, dir, true);
  };
  for (const name of EXTERNAL_PACKAGES) visit(name, root, false);
  return [...seen].sort();
}

/** Node's lookup: node_modules/<name> in this folder and each one above it, up to the project. */
function resolvePackageDir(name: string, fromDir: string): string | undefined {
  for (let dir = fromDir; dir.startsWith(root); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === root) break;
  }
  return undefined;
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

function mb(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

// Run as `npm run package`; imported (by the benchmark) only for its paths.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
