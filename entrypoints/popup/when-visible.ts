/**
 * Runs a callback once an element comes near the visible part of the popup. The Re-send checks use it: each one costs
 * the background API calls, so only the items the admin can actually see (and the next few) are checked. One shared
 * observer for every item.
 */
const callbacks = new Map<Element, () => void>();
let observer: IntersectionObserver | null = null;

function shared(): IntersectionObserver {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const callback = callbacks.get(entry.target);
        stopWatching(entry.target);
        callback?.();
      }
    },
    // Start a little before the item scrolls in, so its answer is usually there when it appears.
    { rootMargin: '200px 0px' },
  );
  return observer;
}

function stopWatching(element: Element): void {
  callbacks.delete(element);
  observer?.unobserve(element);
}

/** Returns a function that stops watching (for an item that goes away first). */
export function whenVisible(element: Element, callback: () => void): () => void {
  callbacks.set(element, callback);
  shared().observe(element);
  return () => stopWatching(element);
}
