// One tooltip for the chart, shown on hover and on keyboard focus, with the detail as text rows.

import type { Detail } from './model/describe';
import { fill, h } from './dom';

export class Tooltip {
  readonly el = h('div', { class: 'tooltip', role: 'tooltip', id: 'timeline-tooltip', hidden: true });

  show(detail: Detail, anchor: DOMRect): void {
    fill(
      this.el,
      h('div', { class: 'tooltip-title' }, detail.title),
      h('dl', {}, ...detail.rows.flatMap((r) => [h('dt', {}, r.label), h('dd', {}, r.value)])),
    );
    this.el.hidden = false;
    // Below the anchor, kept inside the viewport; above it when there is no room below.
    const box = this.el.getBoundingClientRect();
    const left = Math.max(
      4,
      Math.min(window.innerWidth - box.width - 4, anchor.left + anchor.width / 2 - box.width / 2),
    );
    const below = anchor.bottom + 8;
    const top = below + box.height > window.innerHeight - 4 ? Math.max(4, anchor.top - box.height - 8) : below;
    this.el.style.left = `${left}px`;
    this.el.style.top = `${top}px`;
  }

  hide(): void {
    this.el.hidden = true;
  }
}
