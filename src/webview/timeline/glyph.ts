// A category's glyph as a small inline SVG (legend, list rows, header): shape + colour class,
// always next to words.

import type { MarkCategory } from './model/dataset';
import { glyphPath } from './model/words';
import { svg } from './dom';

export function glyphIcon(category: MarkCategory, size = 12): SVGSVGElement {
  return svg(
    'svg',
    {
      class: `glyph cat-${category}`,
      width: size,
      height: size,
      viewBox: '-7 -7 14 14',
      'aria-hidden': 'true',
      focusable: 'false',
    },
    svg('path', { d: glyphPath(category) }),
  );
}
