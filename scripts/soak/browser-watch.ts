/**
 * What the soak sees inside the browser, through the browser's own DevTools session, which attaches to every page and
 * worker as it starts. In the extension's worker, each notification it creates is reported (a thin wrapper around
 * `chrome.notifications.create`, counted by id); in the worker and every page, uncaught errors, unhandled rejections
 * and console errors and warnings are kept.
 */
import puppeteer, { type CDPSession, type Protocol } from 'puppeteer-core';

export interface Logged {
  where: 'worker' | 'page';
  text: string;
}

/** An API call as the worker made it, in the worker's own clock (epoch ms). */
export interface WorkerCall {
  method: string;
  url: string;
  /** When the worker's fetch sent it: after the rate-limit gate let it through. */
  sentAt: number;
  status?: number;
  /** When the answer's headers came back: when the gate hears of a 429. */
  answeredAt?: number;
  /** A 429's `Retry-After`, in seconds. */
  retryAfter?: number;
}

export interface BrowserWatch {
  /** Every HTTP call of the extension's worker, from the DevTools network events. */
  calls: WorkerCall[];
  /** Notification ids, one per `create` call, in order. */
  notifications: string[];
  errors: Logged[];
  warnings: Logged[];
  /**
   * Whether the live worker's scope has the wrapper. The worker that ran before the watch attached gets it on the
   * spot; a start after a stop gets it before its first line, except, in Chromium 156, the very first start after
   * the watch attached: the soak stops the worker until a start has it.
   */
  wrapped(): Promise<boolean>;
  /** Bytes of JavaScript heap the live worker holds after a garbage collection, or null when none runs. */
  workerHeap(): Promise<number | null>;
  close(): Promise<void>;
}

const BINDING = 'soakNotificationCreated';

/** Evaluated in the worker before its script: reports each create, then creates as before. Once per scope. */
const WRAP_ONCE = `(() => {
  if (globalThis.soakWrapped) return;
  globalThis.soakWrapped = true;
  const notifications = chrome.notifications;
  const create = notifications.create.bind(notifications);
  notifications.create = (...args) => {
    ${BINDING}(typeof args[0] === 'string' ? args[0] : '');
    return create(...args);
  };
})()`;

/**
 * The worker's target outlives a stop, and its session sees every later start. The debugger pauses before each
 * script the worker runs (an instrumentation breakpoint); before the worker's own script, the wrapper goes in, with
 * the breakpoint lifted meanwhile so that a script the wrapper makes Chrome load does not pause inside it. Every
 * pause is resumed at once.
 */
async function wrapEveryStart(session: CDPSession, workerScript: string, created: (id: string) => void) {
  const arm = async () =>
    (await session.send('Debugger.setInstrumentationBreakpoint', { instrumentation: 'beforeScriptExecution' }))
      .breakpointId;
  let armed = '';
  session.on('Runtime.bindingCalled', ({ name, payload }) => {
    if (name === BINDING) created(payload);
  });
  session.on('Debugger.paused', ({ reason, data }) => {
    const url = (data as { url?: string } | undefined)?.url;
    void (async () => {
      if (reason === 'instrumentation' && url === workerScript) {
        await session.send('Debugger.removeBreakpoint', { breakpointId: armed });
        await session.send('Runtime.evaluate', { expression: WRAP_ONCE });
        armed = await arm();
      }
      await session.send('Debugger.resume');
    })().catch(() => undefined);
  });
  await session.send('Runtime.enable');
  await session.send('Runtime.addBinding', { name: BINDING });
  await session.send('Runtime.evaluate', { expression: WRAP_ONCE });
  await session.send('Debugger.enable');
  armed = await arm();
}

/** The worker's calls: `requestWillBeSent` gives the wall time, answers give a monotonic time to offset by it. */
async function recordCalls(session: CDPSession, calls: WorkerCall[]): Promise<void> {
  const byId = new Map<string, { call: WorkerCall; offset: number }>();
  session.on('Network.requestWillBeSent', ({ requestId, request, wallTime, timestamp }) => {
    if (!/^https?:/.test(request.url)) return;
    const call: WorkerCall = { method: request.method, url: request.url, sentAt: wallTime * 1000 };
    calls.push(call);
    byId.set(requestId, { call, offset: wallTime - timestamp });
  });
  session.on('Network.responseReceived', ({ requestId, response, timestamp }) => {
    const sent = byId.get(requestId);
    if (!sent) return;
    const retryAfter = Object.entries(response.headers).find(([name]) => name.toLowerCase() === 'retry-after')?.[1];
    Object.assign(sent.call, {
      status: response.status,
      answeredAt: (timestamp + sent.offset) * 1000,
      ...(retryAfter && /^\d+$/.test(retryAfter) ? { retryAfter: Number(retryAfter) } : {}),
    });
  });
  await session.send('Network.enable');
}

const exceptionText = ({ exceptionDetails: d }: Protocol.Runtime.ExceptionThrownEvent): string =>
  d.exception?.description ?? d.text;

const consoleText = (event: Protocol.Runtime.ConsoleAPICalledEvent): string =>
  event.args.map((arg) => arg.description ?? (arg.value === undefined ? arg.type : String(arg.value))).join(' ');

export async function watchBrowser(endpoint: string, extensionId: string): Promise<BrowserWatch> {
  const browser = await puppeteer.connect({ browserWSEndpoint: endpoint, defaultViewport: null });
  const root = await browser.target().createCDPSession();
  const watch: BrowserWatch & { worker: CDPSession | null } = {
    calls: [],
    notifications: [],
    errors: [],
    warnings: [],
    worker: null,
    async workerHeap() {
      if (!this.worker) return null;
      // A stopped worker's session stays attached and never answers.
      const used = this.worker.send('Runtime.getHeapUsage').then(
        ({ usedSize }) => usedSize,
        () => null,
      );
      return Promise.race([used, new Promise<null>((done) => setTimeout(() => done(null), 2_000))]);
    },
    async wrapped() {
      if (!this.worker) return false;
      const { result } = await this.worker.send('Runtime.evaluate', { expression: 'globalThis.soakWrapped === true' });
      return result.value === true;
    },
    close: () => browser.disconnect(),
  };

  const listen = (session: CDPSession, where: Logged['where']) => {
    session.on('Runtime.exceptionThrown', (event) => watch.errors.push({ where, text: exceptionText(event) }));
    session.on('Runtime.consoleAPICalled', (event) => {
      const entry = { where, text: consoleText(event) };
      if (event.type === 'error' || event.type === 'assert') watch.errors.push(entry);
      if (event.type === 'warning') watch.warnings.push(entry);
    });
  };

  root.on('Target.attachedToTarget', ({ sessionId, targetInfo, waitingForDebugger }) => {
    const session = root.connection()?.session(sessionId);
    if (!session) return;
    const isOurWorker =
      targetInfo.type === 'service_worker' && targetInfo.url.startsWith(`chrome-extension://${extensionId}/`);
    void (async () => {
      if (isOurWorker) {
        watch.worker = session;
        await wrapEveryStart(session, targetInfo.url, (id) => watch.notifications.push(id));
        await recordCalls(session, watch.calls);
      }
      if (isOurWorker || targetInfo.type === 'page') {
        listen(session, isOurWorker ? 'worker' : 'page');
        await session.send('Runtime.enable');
      }
      if (waitingForDebugger) await session.send('Runtime.runIfWaitingForDebugger');
    })().catch(() => {
      // A target that closed while being attached has nothing more to report.
    });
  });
  await root.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true });
  return watch;
}
