/** Client-side navigation as Procore's React app does it: history.pushState, then render the new path without a page load. */

let render: () => void = () => undefined;

export function setRenderer(renderer: () => void): void {
  render = renderer;
}

export function navigate(url: string): void {
  history.pushState(null, '', url);
  render();
}
