// What a person does in the workbench, as helpers for UI scenarios: open a view from the
// activity bar, run a command from the palette, read and click tree rows, use context menus,
// read notifications and status-bar items, reach into a webview, take screenshots.
import type { FrameLocator, Locator, Page } from 'playwright-core';
import manifest from '../../../package.json';
import { DEFAULT_WAIT_MS, saveScreenshot, waitHidden, waitUntil, waitVisible } from './waits';

export const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;
const MAX_PALETTE_MOVES = 20;
const PALETTE_OPENINGS = 3;
/** How long F1 may take to give the palette the focus before it counts as lost. */
const PALETTE_FOCUS_MS = 5_000;

export interface TreeRow {
  label: string;
  description: string;
  /** 1 for root items. */
  level: number;
  expanded: boolean | undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An exact, case-sensitive text match. */
function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`);
}

/** A CSS attribute value in double quotes. */
function cssString(text: string): string {
  return JSON.stringify(text);
}

export class Ui {
  constructor(readonly page: Page) {}

  waitVisible(locator: Locator, what: string, timeoutMs = DEFAULT_WAIT_MS): Promise<Locator> {
    return waitVisible(this.page, locator, what, timeoutMs);
  }

  waitHidden(locator: Locator, what: string, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    return waitHidden(this.page, locator, what, timeoutMs);
  }

  waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    return waitUntil(this.page, what, check, timeoutMs);
  }

  /** Polls `check` for up to `ms`: whether it came true (no failure, no screenshot: the caller decides). */
  async within(ms: number, check: () => Promise<boolean>): Promise<boolean> {
    const end = Date.now() + ms;
    for (;;) {
      if (await check().catch(() => false)) return true;
      if (Date.now() > end) return false;
      await this.page.waitForTimeout(50);
    }
  }

  screenshot(name: string): Promise<string> {
    return saveScreenshot(this.page, name);
  }

  /** Opens a view container from its activity-bar entry (left alone when already open). */
  async openView(title: string): Promise<void> {
    const entry = this.page
      .locator('.part.activitybar li.action-item')
      .filter({ has: this.page.locator(`a[aria-label^=${cssString(title)}]`) });
    await this.waitVisible(entry, `the activity-bar entry "${title}"`);
    if (!(await entry.first().evaluate((el) => el.classList.contains('checked')))) await entry.first().click();
    await this.waitVisible(
      this.page.locator('.part.sidebar .composite.title').filter({ hasText: new RegExp(escapeRegExp(title), 'i') }),
      `the side bar titled "${title}"`,
    );
  }

  /**
   * Waits for a view of the side bar: its pane header, or the container title it is merged into ("Container: View").
   */
  async waitForView(name: string): Promise<void> {
    const sidebar = this.page.locator('.part.sidebar');
    const header = sidebar.locator('.pane-header .title', { hasText: exactly(name) });
    const merged = sidebar.locator('.composite.title h2', { hasText: new RegExp(`:\\s*${escapeRegExp(name)}\\s*$`) });
    await this.waitVisible(header.or(merged), `the view "${name}" in the side bar`);
  }

  /** The Output view's selected channel and its text, once the channel shows `expected`. */
  async outputChannel(expected: string | RegExp): Promise<{ channel: string; text: string }> {
    const panel = this.page.locator('.part.panel');
    const lines = await this.waitVisible(
      panel.locator('.monaco-editor .view-lines').filter({ hasText: expected }),
      `the Output view showing ${String(expected)}`,
    );
    const channel = await panel.locator('select.monaco-select-box').filter({ visible: true }).first().inputValue();
    return { channel, text: await lines.innerText() };
  }

  /**
   * F1, type the command's title, move to the entry with exactly that title, Enter. VS Code may
   * move focus on its own just after F1 (a walkthrough that has just opened focuses its first
   * step), which closes the palette, as it would for a person: then the palette is opened again,
   * at most PALETTE_OPENINGS times, each time saying so.
   */
  async runCommand(title: string): Promise<void> {
    const widget = this.page.locator('.quick-input-widget');
    const input = widget.locator('.quick-input-box input');
    for (let opening = 1; ; opening++) {
      await this.page.keyboard.press('F1');
      const opened = await this.within(
        PALETTE_FOCUS_MS,
        async () => (await widget.isVisible()) && (await widget.locator('.quick-input-box input:focus').count()) > 0,
      );
      if (opened) {
        await input.pressSequentially(title);
        if ((await widget.isVisible()) && (await input.inputValue()) === `>${title}`) break;
      }
      if (opening >= PALETTE_OPENINGS) {
        throw new Error(`the command palette lost the focus ${opening} times while "${title}" was typed`);
      }
      console.log(
        `    [e2e] the command palette lost the focus while "${title}" was typed (VS Code moved it); opening it again`,
      );
      // Escape only if it is still open: elsewhere Escape means something (a walkthrough goes back).
      if (await widget.isVisible()) await this.page.keyboard.press('Escape');
      await waitHidden(this.page, widget, 'the command palette to close');
    }
    const entry = widget
      .locator('.monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: exactly(title) }) });
    await this.waitVisible(entry, `"${title}" in the command palette`);
    // Fuzzy matching may rank a longer title first, as it does for a person, who then arrows down.
    const isFocused = () => entry.first().evaluate((el) => el.classList.contains('focused'));
    for (let moves = 0; moves < MAX_PALETTE_MOVES && !(await isFocused()); moves++) {
      await this.page.keyboard.press('ArrowDown');
    }
    await this.waitVisible(entry.and(this.page.locator('.focused')), `"${title}" selected in the command palette`);
    await this.page.keyboard.press('Enter');
    // The command may open a quick input of its own in the same widget, at once: the palette is
    // gone when the widget is hidden or no longer holds a `>` command query.
    await waitUntil(
      this.page,
      'the command palette to close',
      async () => !(await widget.isVisible()) || !(await input.inputValue()).startsWith('>'),
    );
  }

  private get rows(): Locator {
    return this.page.locator('.part.sidebar .pane-body .monaco-list-row');
  }

  async treeRows(): Promise<TreeRow[]> {
    return this.rows.evaluateAll((els) =>
      els.map((el) => ({
        label: el.querySelector('.label-name')?.textContent?.trim() ?? '',
        description: el.querySelector('.label-description')?.textContent?.trim() ?? '',
        level: Number(el.getAttribute('aria-level') ?? '1'),
        expanded: el.hasAttribute('aria-expanded') ? el.getAttribute('aria-expanded') === 'true' : undefined,
      })),
    );
  }

  /** The tree row whose label is exactly `label`, once visible and not covered by a hover. */
  async treeRow(label: string): Promise<Locator> {
    const row = await this.waitVisible(
      this.rows.filter({ has: this.page.locator('.label-name', { hasText: exactly(label) }) }),
      `the tree row "${label}"`,
    );
    await this.clearHover();
    return row;
  }

  /** A hover left by the last pointer position (e.g. a row's tooltip) covers what is below it. */
  private async clearHover(): Promise<void> {
    const hover = this.page.locator('.context-view .hover-contents, .monaco-hover').filter({ visible: true });
    if ((await hover.count()) === 0) return;
    // Not to (0, 0): that is the activity bar's first icon, whose own tooltip would come up next.
    const box = await this.page.locator('.part.editor').boundingBox();
    await this.page.mouse.move(box ? box.x + box.width - 8 : 400, box ? box.y + box.height - 8 : 300);
    await waitHidden(this.page, hover, 'the hover to go away once the pointer left it');
  }

  async clickTreeRow(label: string): Promise<void> {
    await (await this.treeRow(label)).click();
  }

  async contextMenu(rowLabel: string, item: string): Promise<void> {
    await (await this.treeRow(rowLabel)).click({ button: 'right' });
    const menu = this.page.locator('.monaco-menu');
    // The item's accessible name includes its keybinding, so match the label itself.
    const entry = menu
      .locator('li.action-item')
      .filter({ has: this.page.locator('.action-label', { hasText: exactly(item) }) });
    await (await this.waitVisible(entry, `"${item}" in the context menu of "${rowLabel}"`)).hover();
    // A click right after the menu opened can be taken for the end of the opening right-click;
    // pointing at the item and pressing Enter is what always runs it.
    await this.waitVisible(entry.and(this.page.locator('.focused')), `"${item}" highlighted in the context menu`);
    await this.page.keyboard.press('Enter');
    await waitHidden(this.page, menu, 'the context menu to close');
  }

  /** The messages of the notification toasts on screen. */
  notifications(): Promise<string[]> {
    return this.page
      .locator('.notifications-toasts .notification-toast .notification-list-item-message')
      .allInnerTexts();
  }

  async waitForNotification(text: string | RegExp, timeoutMs = DEFAULT_WAIT_MS): Promise<Locator> {
    return this.waitVisible(
      this.page.locator('.notifications-toasts .notification-toast').filter({ hasText: text }),
      `a notification saying ${String(text)}`,
      timeoutMs,
    );
  }

  /** The text of this extension's status-bar item `id` (or of any item, by its full id). */
  async statusBarItem(id: string): Promise<string> {
    const fullId = id.includes('.') ? id : `${EXTENSION_ID}.${id}`;
    const item = await this.waitVisible(
      this.page.locator(`.part.statusbar [id=${cssString(fullId)}]`),
      `the status-bar item ${fullId}`,
    );
    return item.innerText();
  }

  /** The content of the active webview (its inner frame). */
  webviewFrame(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  }
}
