// The words of a debug session's pause on the time axis: which session (its name as plain text),
// where it stopped, how long, and a pause that still lasts.
import * as assert from 'node:assert/strict';
import { describePause } from '../../../../../src/webview/timeline/model/describe';

describe('webview/timeline/pauses: a debug pause in words', () => {
  it('names the session, where it stopped and how long, with both ends', () => {
    const d = describePause({ from: 0, to: 47_000, session: 'boiler firmware', atBreakpoint: true }, 50_000, 0);
    assert.equal(d.title, 'Debug session "boiler firmware" paused at a breakpoint (47 sec)');
    assert.deepEqual(
      d.rows.map((r) => r.label),
      ['From', 'To'],
    );
    assert.match(d.rows[1].value, /1970-01-01T00:00:47/);
  });

  it('counts a pause that lasts to now, and keeps a hostile name as one line of text', () => {
    const name = 'evil\u202e\n<img src=x>';
    const d = describePause({ from: 0, session: name, atBreakpoint: false }, 5_000, 0);
    // As sent, less control and bidi characters: the page sets it as text, never as markup.
    assert.equal(d.title, 'Debug session "evil <img src=x>" paused in the debugger, still (5 sec)');
    assert.equal(d.rows[1].value, 'still paused');
  });
});
