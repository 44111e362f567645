import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** Clock ticks a second in /proc (USER_HZ): 100 on every Linux this runs on. */
const TICKS_PER_SECOND = 100;

interface Sample {
  at: number;
  /** The machine's busy and total ticks (every core) since the sample before. */
  busy: number;
  total: number;
  /** Each group's ticks since the sample before. */
  groups: Record<string, number>;
}

/** Where the machine's processors went over a stretch: the share of all of them busy, and cores each group used. */
export interface CpuUse {
  busyShare: number;
  coresByGroup: Record<string, number>;
}

/**
 * Samples, every second, how busy the machine's processors are (/proc/stat) and how much of them
 * named groups of processes used (/proc/PID/stat), so a benchmark can tell a rate the service
 * chose from one the machine could not give.
 */
export class CpuSampler {
  private readonly samples: Sample[] = [];
  private readonly pids = new Map<number, string>();
  private readonly lastTicks = new Map<number, number>();
  private last: { busy: number; total: number } | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  readonly cores = availableParallelism();

  /** Counts `pid`'s processor time in `group` from now on. */
  track(group: string, pid: number | undefined): void {
    if (pid === undefined) return;
    this.pids.set(pid, group);
    this.lastTicks.set(pid, processTicks(pid) ?? 0);
  }

  start(everyMs = 1000): void {
    this.last = machineTicks();
    this.timer = setInterval(() => this.sample(), everyMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Averaged over the samples taken between `from` and `to` (ms). */
  between(from: number, to: number): CpuUse {
    const within = this.samples.filter((s) => s.at > from && s.at <= to);
    const total = within.reduce((sum, s) => sum + s.total, 0);
    const busy = within.reduce((sum, s) => sum + s.busy, 0);
    const seconds = total / this.cores / TICKS_PER_SECOND;
    const coresByGroup: Record<string, number> = {};
    for (const s of within) for (const [group, ticks] of Object.entries(s.groups)) coresByGroup[group] = (coresByGroup[group] ?? 0) + ticks;
    for (const group of Object.keys(coresByGroup))
      coresByGroup[group] = round(coresByGroup[group]! / TICKS_PER_SECOND / Math.max(seconds, 1e-9));
    return { busyShare: total > 0 ? round(busy / total) : 0, coresByGroup };
  }

  private sample(): void {
    const now = machineTicks();
    const groups: Record<string, number> = {};
    for (const [pid, group] of this.pids) {
      const ticks = processTicks(pid);
      if (ticks === undefined) continue;
      groups[group] = (groups[group] ?? 0) + ticks - (this.lastTicks.get(pid) ?? 0);
      this.lastTicks.set(pid, ticks);
    }
    if (this.last) this.samples.push({ at: Date.now(), busy: now.busy - this.last.busy, total: now.total - this.last.total, groups });
    this.last = now;
  }
}

function machineTicks(): { busy: number; total: number } {
  // cpu  user nice system idle iowait irq softirq steal …
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  return { busy: total - fields[3]! - fields[4]!, total };
}

/** A process's user and system ticks, or undefined once it has gone. */
function processTicks(pid: number): number | undefined {
  try {
    // The command name (field 2) may hold spaces: count the fields from after its closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(after[11]) + Number(after[12]);
  } catch {
    return undefined;
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
