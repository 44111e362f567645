import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Builds the tab when its output is missing or older than its sources. */
export function ensureTabBuilt(root: string): void {
  const index = path.join(root, 'tab/dist/index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestSource(path.join(root, 'tab'))) return;
  console.log('Building the tab…');
  const result = spawnSync('npm', ['run', 'build:tab'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('Building the tab failed (see above).');
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    if (name === 'dist' || name === 'node_modules') continue;
    const full = path.join(dir, name);
    const stat = statSync(full);
    newest = Math.max(newest, stat.isDirectory() ? newestSource(full) : stat.mtimeMs);
  }
  return newest;
}
