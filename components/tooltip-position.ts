/**
 * Where the tooltip goes: above its button, flipped below when there is no room above, and shifted sideways to stay
 * inside the viewport. A few lines instead of a positioning library, to keep the content script small.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Gap between the button and the tooltip, and the least distance from the viewport's edges. */
export const GAP = 6;
export const EDGE = 8;

export function tooltipPosition(
  anchor: Box,
  tip: { width: number; height: number },
  viewport: { width: number; height: number },
) {
  const above = anchor.y - GAP - tip.height;
  const below = anchor.y + anchor.height + GAP;
  const fitsAbove = above >= EDGE;
  const fitsBelow = below + tip.height <= viewport.height - EDGE;
  // Above unless only below has room.
  const top = fitsAbove || !fitsBelow;
  const centred = anchor.x + anchor.width / 2 - tip.width / 2;
  const maxX = Math.max(EDGE, viewport.width - EDGE - tip.width);
  const x = Math.min(Math.max(centred, EDGE), maxX);
  const y = top ? Math.max(above, EDGE) : below;
  return { x: Math.round(x), y: Math.round(y) };
}
