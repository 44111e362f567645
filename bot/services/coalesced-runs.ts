/**
 * Runs of one piece of work per key, one at a time, where every caller gets a run that starts
 * after it asked. Callers arriving while a run is in progress share the next run, so a burst
 * of N requests for one key costs about two runs, not N.
 */
export class CoalescedRuns<T> {
  private readonly states = new Map<string, { current?: Promise<T>; queued?: Promise<T> }>();

  run(key: string, work: () => Promise<T>): Promise<T> {
    let state = this.states.get(key);
    if (!state) {
      state = {};
      this.states.set(key, state);
    }
    if (state.queued) return state.queued;
    const prior = state.current;
    const mine = prior ? prior.then(noop, noop).then(work) : work();
    if (prior) state.queued = mine;
    else state.current = mine;
    const done = () => {
      const s = this.states.get(key);
      if (!s || s.current !== mine) return;
      s.current = s.queued;
      s.queued = undefined;
      if (!s.current) this.states.delete(key);
    };
    mine.then(done, done);
    return mine;
  }
}

function noop(): void {}
