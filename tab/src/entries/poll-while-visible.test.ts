import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pollWhileVisible, type VisibilityEnv } from './poll-while-visible.js';

function fakePage() {
  const doc = new EventTarget() as EventTarget & { visibilityState: DocumentVisibilityState };
  doc.visibilityState = 'visible';
  const win = new EventTarget();
  const env = { document: doc, window: win } as unknown as VisibilityEnv;
  return {
    env,
    hide: () => {
      doc.visibilityState = 'hidden';
      doc.dispatchEvent(new Event('visibilitychange'));
    },
    show: () => {
      doc.visibilityState = 'visible';
      doc.dispatchEvent(new Event('visibilitychange'));
    },
    focus: () => win.dispatchEvent(new Event('focus')),
  };
}

describe('pollWhileVisible', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('refreshes on every interval while the page is visible', () => {
    const tick = vi.fn();
    pollWhileVisible(tick, 5000, fakePage().env);
    vi.advanceTimersByTime(15_000);
    expect(tick).toHaveBeenCalledTimes(3);
  });

  it('stops while the page is hidden and refreshes at once when it comes back', () => {
    const tick = vi.fn();
    const page = fakePage();
    pollWhileVisible(tick, 1000, page.env);
    page.hide();
    vi.advanceTimersByTime(60_000);
    expect(tick).not.toHaveBeenCalled();
    page.show();
    expect(tick).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(tick).toHaveBeenCalledTimes(2);
  });

  it('refreshes when the window regains focus', () => {
    const tick = vi.fn();
    const page = fakePage();
    pollWhileVisible(tick, 5000, page.env);
    page.focus();
    expect(tick).toHaveBeenCalledTimes(1);
  });

  it('does nothing more once stopped', () => {
    const tick = vi.fn();
    const page = fakePage();
    const stop = pollWhileVisible(tick, 1000, page.env);
    stop();
    page.focus();
    page.show();
    vi.advanceTimersByTime(10_000);
    expect(tick).not.toHaveBeenCalled();
  });
});
