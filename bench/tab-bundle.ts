import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface TabBundleResult {
  /** The heavier of the two pages' first views: the shell plus the page, lazy parts left out. */
  firstLoadGzipKb: number;
  dashboardFirstViewGzipKb: number;
  personalFirstViewGzipKb: number;
  /** The L&D admins' report page, chart left out. */
  reportFirstViewGzipKb: number;
  shellGzipKb: number;
  /** Every JavaScript file, lazy chunks such as the charts included. */
  totalGzipKb: number;
  totalFiles: number;
  targetKb: number;
}

type Manifest = Record<string, { file: string; imports?: string[]; isEntry?: boolean }>;

/**
 * Builds the tab and weighs its JavaScript gzipped. A page's first view is what the browser must
 * load before the page can show its data: the entry with everything it imports statically, and
 * the page's own chunk with its static imports — not what the page loads later on demand.
 */
export function runTabBundle(root: string): TabBundleResult {
  const build = spawnSync('npm', ['run', '--silent', 'build:tab'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build:tab failed');
  const dist = path.join(root, 'tab/dist');
  const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  const closure = (key: string, into = new Set<string>()): Set<string> => {
    const chunk = manifest[key];
    if (!chunk || into.has(chunk.file)) return into;
    into.add(chunk.file);
    for (const imported of chunk.imports ?? []) closure(imported, into);
    return into;
  };
  const gz = (file: string) => gzipSync(readFileSync(path.join(dist, file))).length / 1024;
  const weigh = (files: Set<string>) => round([...files].filter((f) => f.endsWith('.js')).reduce((n, f) => n + gz(f), 0));
  const shell = closure('index.html');
  const dashboard = closure('src/pages/TeamPage.tsx', new Set(shell));
  const personal = closure('src/pages/MyLearningPage.tsx', new Set(shell));
  const report = closure('src/admin/AdminPage.tsx', new Set(shell));
  const assets = readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  const dashboardKb = weigh(dashboard);
  const personalKb = weigh(personal);
  return {
    firstLoadGzipKb: Math.max(dashboardKb, personalKb),
    dashboardFirstViewGzipKb: dashboardKb,
    personalFirstViewGzipKb: personalKb,
    reportFirstViewGzipKb: weigh(report),
    shellGzipKb: weigh(shell),
    totalGzipKb: round(assets.reduce((n, f) => n + gz(`assets/${f}`), 0)),
    totalFiles: assets.length,
    targetKb: 200,
  };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
