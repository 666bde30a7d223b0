/**
 * Injected into the sandbox's pages before they load (Playwright `addInitScript`): records, for every vendor edit page
 * the app renders, the milliseconds from its Save button appearing to the extension's control appearing (a shadow
 * host whose open shadow root holds the status line). Results accumulate in `window.__erpBench` across client-side
 * navigations. Plain browser JavaScript: it is passed to the page as a function.
 */
export function recordSaveToControl(): void {
  const results: number[] = [];
  (window as unknown as { __erpBench: number[] }).__erpBench = results;
  const hosts = new Set<Element>();
  let lastSave: Element | null = null;
  let saveAt = 0;

  const findSave = (): Element | undefined =>
    [...document.querySelectorAll('button, input[type=submit]')].find((element) =>
      /^(Save|Guardar)$/.test(((element as HTMLInputElement).value || element.textContent || '').trim()),
    );
  const controlShown = (): boolean =>
    [...hosts].some((host) => host.isConnected && Boolean(host.shadowRoot?.querySelector('[role=status]')));

  const check = (now: number) => {
    if (!saveAt) {
      const save = findSave();
      if (save && save !== lastSave) {
        lastSave = save;
        saveAt = now;
      }
    }
    if (saveAt && controlShown()) {
      results.push(now - saveAt);
      saveAt = 0;
    }
  };

  const watchHost = (host: Element) => {
    if (hosts.has(host) || !host.shadowRoot) return;
    hosts.add(host);
    new MutationObserver(() => check(performance.now())).observe(host.shadowRoot, { childList: true, subtree: true });
  };

  new MutationObserver((records) => {
    const now = performance.now();
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        watchHost(node);
        for (const child of node.querySelectorAll('*')) watchHost(child);
      }
    }
    check(now);
  }).observe(document, { childList: true, subtree: true });
}
