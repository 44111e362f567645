import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface TabBundleResult {
  firstLoadGzipKb: number;
  totalGzipKb: number;
  firstLoadFiles: number;
  totalFiles: number;
  targetKb: number;
}

/**
 * Builds the tab and weighs its JavaScript gzipped: what the first view loads (the entry script
 * and the chunks index.html preloads) and everything, lazy chunks such as the charts included.
 */
export function runTabBundle(root: string): TabBundleResult {
  const build = spawnSync('npm', ['run', '--silent', 'build:tab'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build:tab failed');
  const dist = path.join(root, 'tab/dist');
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const firstLoad = new Set([...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]!));
  const assets = readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  const gz = (file: string) => gzipSync(readFileSync(path.join(dist, file.replace(/^\//, '')))).length / 1024;
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    firstLoadGzipKb: round([...firstLoad].reduce((n, f) => n + gz(f), 0)),
    totalGzipKb: round(assets.reduce((n, f) => n + gz(`assets/${f}`), 0)),
    firstLoadFiles: firstLoad.size,
    totalFiles: assets.length,
    targetKb: 200,
  };
}
