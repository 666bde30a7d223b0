/**
 * The control's host element and its open shadow root (page styles cannot reach in; tests and assistive technology
 * can). Made synchronously with the stylesheet inlined, so the control mounts in the same frame as the Save button
 * appears; WXT's `createShadowRootUi` fetches its stylesheet first and weighs 3 kB more.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { CONTROL_TAG } from '@/lib/procore/selectors';

export interface ShadowHost {
  host: HTMLElement;
  /** Where Preact renders, inside the shadow root. */
  container: HTMLElement;
}

export function createShadowHost(ctx: ContentScriptContext, css: string): ShadowHost {
  const host = document.createElement(CONTROL_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  const container = document.createElement('div');
  shadow.append(style, container);
  // Keys typed in the control are the control's: the page's keyboard shortcuts (on keydown) must not act on them.
  container.addEventListener('keydown', (event) => event.stopPropagation());
  ctx.onInvalidated(() => {
    render(null, container);
    host.remove();
  });
  return { host, container };
}
