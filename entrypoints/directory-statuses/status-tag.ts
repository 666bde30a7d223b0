/**
 * The ERP status beside a company's name in the Directory's list, as the page control says it: Procore's colour, an
 * icon and words ("ERP: Rejected"); who decided, the comment, the ERP vendor ID or the export's errors, and who sent
 * it, in a tooltip shown on hover and on keyboard focus (and read as the tag's description). Its own shadow root, so
 * the page's styles do not change it; API text only ever as text.
 */
import type { ErpRequest } from '@/lib/contract/api-bodies';
import { decidedByWords, requestDetails } from '@/lib/erp/request-words';
import { STATUS_TONE, TONE_ICON } from '@/lib/erp/status';
import { statusLabel, t } from '@/lib/extension/i18n';
import { STATUS_TAG } from '@/lib/procore/selectors';
import tones from '@/components/status-tones.css?inline';
import { tooltipPosition } from '@/components/tooltip-position';
import css from './status-tag.css?inline';

/** What the tag says: changes of it (a new status, a new comment) redraw it, anything else leaves it be. */
export const tagKey = (request: ErpRequest): string => `${request.id}:${request.status}:${request.updated_at}`;

export const tagWords = (request: ErpRequest): string => t('directoryStatus', statusLabel(request.status));

/** The tooltip's sentences; empty when there is nothing more to say than the status. */
export function tipWords(request: ErpRequest): string[] {
  const by = decidedByWords(request);
  return [...(by ? [by] : []), ...requestDetails(request), t('popupSentBy', request.sent_by.name)];
}

/** Shown in the top layer and placed as the page control's tooltip is (`components/tooltip-position.ts`). */
function showTip(tag: HTMLElement, tip: HTMLElement): void {
  if (!tip.isConnected) return;
  tip.showPopover();
  const { x, y } = tooltipPosition(tag.getBoundingClientRect(), tip.getBoundingClientRect(), {
    width: document.documentElement.clientWidth,
    height: document.documentElement.clientHeight,
  });
  tip.style.left = `${x}px`;
  tip.style.top = `${y}px`;
}

export function createStatusTag(request: ErpRequest): HTMLElement {
  const host = document.createElement(STATUS_TAG);
  host.dataset.key = tagKey(request);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = tones + css;
  const tone = STATUS_TONE[request.status];
  const tag = document.createElement('span');
  tag.className = `tag tone-${tone}`;
  tag.tabIndex = 0;
  tag.setAttribute('aria-describedby', 'tip');
  const icon = document.createElement('span');
  icon.ariaHidden = 'true';
  icon.textContent = TONE_ICON[tone];
  tag.append(icon, tagWords(request));
  const tip = document.createElement('span');
  tip.id = 'tip';
  tip.setAttribute('role', 'tooltip');
  tip.popover = 'manual';
  tip.className = 'tip';
  tip.textContent = tipWords(request).join('. ');
  const hide = () => tip.isConnected && tip.matches(':popover-open') && tip.hidePopover();
  tag.addEventListener('mouseenter', () => showTip(tag, tip));
  tag.addEventListener('focus', () => showTip(tag, tip));
  tag.addEventListener('mouseleave', hide);
  tag.addEventListener('blur', hide);
  tag.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });
  shadow.append(style, tag, tip);
  return host;
}
