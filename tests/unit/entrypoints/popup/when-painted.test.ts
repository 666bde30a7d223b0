import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PAINT_WAIT_MS, whenFirstScreenPainted } from '@/entrypoints/popup/when-painted';

/** A browser's PerformanceObserver, reporting element entries when the test says the heading was painted. */
class FakeObserver {
  static supportedEntryTypes = ['element', 'paint'];
  static current: FakeObserver | null = null;
  observed: unknown = null;
  disconnected = false;
  constructor(private readonly callback: () => void) {
    FakeObserver.current = this;
  }
  observe(options: unknown) {
    this.observed = options;
  }
  disconnect() {
    this.disconnected = true;
  }
  paint() {
    if (!this.disconnected) this.callback();
  }
}

describe('waiting for the first screen to be painted', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeObserver.current = null;
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('calls back once, when the browser reports a heading painted (Element Timing), including one already painted', () => {
    vi.stubGlobal('PerformanceObserver', FakeObserver);
    const callback = vi.fn();
    whenFirstScreenPainted(callback);
    expect(FakeObserver.current!.observed).toEqual({ type: 'element', buffered: true });
    expect(callback).not.toHaveBeenCalled();
    FakeObserver.current!.paint();
    FakeObserver.current!.paint();
    vi.advanceTimersByTime(PAINT_WAIT_MS * 2);
    expect(callback).toHaveBeenCalledTimes(1);
    expect(FakeObserver.current!.disconnected).toBe(true);
  });

  it('does not wait for ever when no paint is reported (a hidden page)', () => {
    vi.stubGlobal('PerformanceObserver', FakeObserver);
    const callback = vi.fn();
    whenFirstScreenPainted(callback);
    vi.advanceTimersByTime(PAINT_WAIT_MS - 1);
    expect(callback).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('without Element Timing (Firefox), calls back after the next frame', () => {
    vi.stubGlobal('PerformanceObserver', { supportedEntryTypes: ['paint'] });
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (frame: FrameRequestCallback) => frames.push(frame));
    const callback = vi.fn();
    whenFirstScreenPainted(callback);
    vi.advanceTimersByTime(10);
    expect(callback).not.toHaveBeenCalled();
    frames.shift()!(0);
    vi.advanceTimersByTime(0);
    expect(callback).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(PAINT_WAIT_MS);
    expect(callback).toHaveBeenCalledTimes(1);
  });
});
