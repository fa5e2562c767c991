// Which rows of a long list to put in the DOM: those in view and a few either side.

export interface RowRange {
  readonly first: number;
  /** Exclusive. */
  readonly end: number;
}

export function rowsInView(
  scrollTop: number,
  viewportPx: number,
  rowPx: number,
  count: number,
  overscan = 8,
): RowRange {
  if (count <= 0 || rowPx <= 0) return { first: 0, end: 0 };
  const first = Math.max(0, Math.floor(scrollTop / rowPx) - overscan);
  const end = Math.min(count, Math.ceil((scrollTop + Math.max(0, viewportPx)) / rowPx) + overscan);
  return { first: Math.min(first, end), end };
}

/** The scrollTop that brings row `i` into view, or undefined when it is already in view. */
export function scrollToRow(i: number, scrollTop: number, viewportPx: number, rowPx: number): number | undefined {
  const top = i * rowPx;
  if (top < scrollTop) return top;
  if (top + rowPx > scrollTop + viewportPx) return top + rowPx - viewportPx;
  return undefined;
}
