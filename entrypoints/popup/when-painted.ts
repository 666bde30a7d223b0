/**
 * Runs a callback once the popup's first screen is on screen: when the browser reports a section heading painted
 * (Element Timing: the headings carry `elementtiming`). The popup asks the worker for its whole list only then, because
 * that answer (1,000 requests to copy, read and render) arriving while Chrome is still showing the popup's window holds
 * its first paint back by tens of milliseconds. Where the browser has no Element Timing (Firefox), the next frame
 * stands in; and a timer, in case no paint is reported at all (a hidden page paints nothing).
 */
export const PAINT_WAIT_MS = 250;

export function whenFirstScreenPainted(callback: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    observer?.disconnect();
    callback();
  };
  const timer = setTimeout(run, PAINT_WAIT_MS);
  const timed = globalThis.PerformanceObserver?.supportedEntryTypes?.includes('element') ?? false;
  const observer = timed ? new PerformanceObserver(run) : null;
  if (observer) observer.observe({ type: 'element', buffered: true });
  else requestAnimationFrame(() => setTimeout(run, 0));
}
