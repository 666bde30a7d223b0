/** The control copies the look of the page's own button beside Save, so it matches Procore's classic and beta themes. */

/** Copied as `--erp-<property>` on the host, where the control's stylesheet reads them. */
const COPIED = [
  'font-family',
  'font-size',
  'color',
  'background-color',
  'border-radius',
  'padding',
  'border-top-color',
  'border-top-width',
  'height',
];

export function copyButtonLook(host: HTMLElement, button: HTMLElement): void {
  const style = getComputedStyle(button);
  for (const property of COPIED) host.style.setProperty(`--erp-${property}`, style.getPropertyValue(property));
}
