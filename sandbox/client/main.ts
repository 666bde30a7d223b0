/**
 * The sandbox's single-page app: renders by `location.pathname`, and moves between pages with
 * history.pushState and popstate, without page loads, as Procore's web app does.
 */
import { approverPage } from './approver-page';
import { directoryPage } from './directory-page';
import { el } from './dom';
import { navigate, setRenderer } from './navigation';
import { pref, rememberPrefs } from './prefs';
import { matchRoute } from './routes';
import { s } from './strings';
import { vendorEditPage } from './vendor-edit-page';

let current: AbortController | null = null;

function render(): void {
  current?.abort();
  const controller = new AbortController();
  current = controller;
  rememberPrefs(location.search);
  document.documentElement.lang = pref('lang');
  document.body.dataset.ui = pref('ui');
  const root = document.getElementById('app') as HTMLElement;
  const route = matchRoute(location.pathname);
  if (!route) {
    root.replaceChildren(el('main', { class: 'page' }, el('h1', {}, s('notFound'))));
    return;
  }
  document.title = route.page === 'erpIntegrations' ? 'ERP Integrations · Procore' : `${s('directory')} · Procore`;
  if (route.page === 'directory') void directoryPage(root, route, controller.signal);
  else if (route.page === 'vendorEdit') void vendorEditPage(root, route, controller.signal);
  else void approverPage(root, route.companyId, controller.signal);
}

document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a') : null;
  if (
    !link ||
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey
  )
    return;
  if (link.origin !== location.origin || link.target || link.hasAttribute('download')) return;
  event.preventDefault();
  navigate(link.href);
});
window.addEventListener('popstate', render);
setRenderer(render);
/** Tests force a re-render (as a React remount would) that drops whatever was added to the page. */
Object.assign(window, { sandboxPage: { rerender: render, navigate } });
render();
