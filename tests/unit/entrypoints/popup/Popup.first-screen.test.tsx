// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PAGE_SIZE, QueueSection } from '@/entrypoints/popup/QueueSection';
import { FIRST_SCREEN_ITEMS } from '@/lib/erp/queue';
import { createTimeFormatter } from '@/entrypoints/popup/relative-time';
import { useLocale } from '../../locale';
import { NOW, rejected } from '../../lib/erp/queue-fixtures';

vi.stubGlobal(
  'IntersectionObserver',
  class {
    observe() {}
    unobserve() {}
  },
);

const time = createTimeFormatter('en', NOW, 'just now');
const section = (count: number) => ({
  id: 'attention' as const,
  items: Array.from({ length: count }, (_, i) => rejected(`Vendor ${i}`, i + 1)),
  count,
});
let root: HTMLElement;
const items = () => root.querySelectorAll('li.item').length;
const showMore = () =>
  [...root.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Show'))?.textContent?.trim();

describe('a big section paints a screenful first', () => {
  beforeEach(() => {
    useLocale('en');
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('renders only the first screenful before the first paint, then the rest of the page in the next task', async () => {
    // Rendered outside act(): act would run the effects at once, where the browser runs them after painting.
    render(<QueueSection section={section(40)} time={time} checker={null} onDone={() => undefined} />, root);
    expect(items()).toBe(FIRST_SCREEN_ITEMS);
    expect(showMore()).toBeUndefined(); // no count that is about to be wrong
    await act(() => new Promise<void>((done) => setTimeout(done, 50)));
    expect(items()).toBe(PAGE_SIZE);
    expect(showMore()).toBe('Show 15 more');
  });

  it("heads a section with its whole count while it holds only the first screen's items", async () => {
    const first = { ...section(40), items: section(40).items.slice(0, 2) };
    render(<QueueSection section={first} time={time} checker={null} onDone={() => undefined} />, root);
    await act(() => new Promise<void>((done) => setTimeout(done, 50)));
    expect(root.querySelector('h2')!.textContent).toBe('Needs your attention (40)');
    expect(root.querySelector('h2')!.getAttribute('elementtiming')).toBe('section-attention');
    expect(items()).toBe(2);
    expect(showMore()).toBeUndefined(); // nothing more to show until the whole list is there
  });

  it('renders a short section whole at once', () => {
    render(<QueueSection section={section(3)} time={time} checker={null} onDone={() => undefined} />, root);
    expect(items()).toBe(3);
  });
});
