/**
 * `memo` as in `preact/compat`, without `preact/compat`: importing compat installs hooks that run for every element
 * the popup renders, which its first paint pays for. A memoised component renders again only when one of its props
 * changed (compared with `Object.is`).
 */
import { Component, h, type FunctionComponent } from 'preact';

const sameProps = (a: object, b: object): boolean => {
  const before = a as Record<string, unknown>;
  const after = b as Record<string, unknown>;
  const keys = Object.keys(before);
  return keys.length === Object.keys(after).length && keys.every((key) => Object.is(before[key], after[key]));
};

export function memo<P extends object>(render: FunctionComponent<P>): FunctionComponent<P> {
  class Memo extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      return !sameProps(this.props, next);
    }
    override render(props: P) {
      return h(render, props);
    }
  }
  return Memo as unknown as FunctionComponent<P>;
}
