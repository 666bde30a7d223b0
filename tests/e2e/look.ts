/** What a person sees of a button's look: its font and its corners, as the browser computed them. */
import type { Locator } from 'playwright-core';

const LOOK = ['font-family', 'font-size', 'border-radius'] as const;

export const buttonLook = (locator: Locator): Promise<string[]> =>
  locator.evaluate(
    (element, properties) => {
      const style = getComputedStyle(element);
      return properties.map((property) => style.getPropertyValue(property));
    },
    [...LOOK],
  );
