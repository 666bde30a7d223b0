import { describe, expect, it } from 'vitest';
import { EDGE, GAP, tooltipPosition } from '@/components/tooltip-position';

const viewport = { width: 1000, height: 800 };
const tip = { width: 200, height: 100 };

describe('tooltip position', () => {
  it('sits centred above its button when there is room', () =>
    expect(tooltipPosition({ x: 400, y: 500, width: 32, height: 32 }, tip, viewport)).toEqual({
      x: 316,
      y: 500 - GAP - 100,
    }));

  it('flips below when there is no room above', () =>
    expect(tooltipPosition({ x: 400, y: 20, width: 32, height: 32 }, tip, viewport).y).toBe(20 + 32 + GAP));

  it('shifts left to stay inside the right edge', () =>
    expect(tooltipPosition({ x: 980, y: 500, width: 16, height: 32 }, tip, viewport).x).toBe(1000 - EDGE - 200));

  it('shifts right to stay inside the left edge', () =>
    expect(tooltipPosition({ x: 0, y: 500, width: 16, height: 32 }, tip, viewport).x).toBe(EDGE));

  it('stays at the top edge when it fits neither above nor below', () =>
    expect(tooltipPosition({ x: 400, y: 50, width: 32, height: 32 }, { width: 200, height: 780 }, viewport).y).toBe(
      EDGE,
    ));
});
