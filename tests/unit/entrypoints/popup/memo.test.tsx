// @vitest-environment happy-dom
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { memo } from '@/entrypoints/popup/memo';

let root: HTMLElement;
afterEach(() => root?.remove());

function mount(element: preact.ComponentChild): void {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(element, root));
}

describe('memo', () => {
  const renders: string[] = [];
  const Label = memo(({ text, tone }: { text: string; tone?: string }) => {
    renders.push(text);
    return <p class={tone}>{text}</p>;
  });

  it('renders again only when a prop changed', () => {
    renders.length = 0;
    const shared = { text: 'Summit' };
    mount(<Label {...shared} />);
    act(() => render(<Label {...shared} />, root));
    act(() => render(<Label text="Summit" />, root));
    expect(renders).toEqual(['Summit']);
    act(() => render(<Label text="Acme" />, root));
    act(() => render(<Label text="Acme" tone="muted" />, root));
    act(() => render(<Label text="Acme" />, root));
    expect(renders).toEqual(['Summit', 'Acme', 'Acme', 'Acme']);
    expect(root.innerHTML).toBe('<p>Acme</p>');
  });

  it('keeps the wrapped component’s own state and lets it re-render itself', () => {
    let bump: () => void = () => {};
    const Counter = memo(({ label }: { label: string }) => {
      const [count, setCount] = useState(0);
      bump = () => setCount((n) => n + 1);
      return <span>{`${label} ${count}`}</span>;
    });
    mount(<Counter label="Sent" />);
    act(() => bump());
    act(() => render(<Counter label="Sent" />, root));
    expect(root.textContent).toBe('Sent 1');
    act(() => render(<Counter label="Re-sent" />, root));
    expect(root.textContent).toBe('Re-sent 1');
  });
});
