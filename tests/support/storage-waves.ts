/**
 * How many storage round trips a piece of work waits for one after another, whatever the CPU
 * time between them: give `sleep` to the storage proxy (`startStorageProxy(…, { sleep })`, with a
 * latency above zero so the proxy waits on it) and, while recording, it holds every request that
 * arrives and lets them all go together once none has arrived for `quietMs`. Requests the work
 * sends side by side are held and let go together, as one wave; a request that needed the answer
 * of an earlier one can only arrive after that wave was let go, so it opens the next. The number of
 * waves is the work's depth in round trips: at 15 ms a request, its time in storage.
 *
 * `quietMs` must be longer than the CPU time between an answer and the request it leads to (and
 * than storage takes to answer): a slow machine can only split a wave in two, never merge two, so
 * a depth measured here is at most one or two above the code's on a busy machine, never below it.
 */
export interface StorageWaves {
  /** For the proxy's `sleep` option: passes through unless recording. */
  sleep(ms: number): Promise<void>;
  /** From now on, every request is held and counted in its wave. */
  record(): void;
  /** Stops holding requests (any held are let go) and says how many waves there were and how many requests each held. */
  stop(): { waves: number; requestsByWave: number[] };
  /** The wave a request arriving now joins (1 for the first), for labelling a trace. */
  current(): number;
}

export function storageWaves(quietMs = 100): StorageWaves {
  let recording = false;
  let held: Array<() => void> = [];
  let timer: NodeJS.Timeout | undefined;
  let requestsByWave: number[] = [];
  const letGo = () => {
    const going = held;
    held = [];
    timer = undefined;
    for (const resolve of going) resolve();
  };
  return {
    sleep(ms) {
      if (!recording) return new Promise((resolve) => setTimeout(resolve, ms));
      if (held.length === 0) requestsByWave.push(0);
      requestsByWave[requestsByWave.length - 1]!++;
      clearTimeout(timer);
      timer = setTimeout(letGo, quietMs);
      return new Promise((resolve) => held.push(resolve));
    },
    record() {
      recording = true;
      requestsByWave = [];
    },
    stop() {
      recording = false;
      clearTimeout(timer);
      letGo();
      return { waves: requestsByWave.length, requestsByWave: [...requestsByWave] };
    },
    current: () => (held.length === 0 ? requestsByWave.length + 1 : requestsByWave.length),
  };
}
