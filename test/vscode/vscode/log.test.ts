// The log channel's lines: tagged with their component, and no token in any form, whichever
// component writes it (the REST client's lines go through the same Log).
import * as assert from 'assert';
import type * as vscode from 'vscode';
import { Log } from '../../../src/vscode/log';

function recordingChannel(lines: string[]): vscode.LogOutputChannel {
  const write = (level: string) => (message: string) => void lines.push(`${level} ${message}`);
  return {
    trace: write('trace'),
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    show: () => undefined,
    dispose: () => undefined,
  } as unknown as vscode.LogOutputChannel;
}

describe('Clients view: the log channel', () => {
  it('tags each line with its component and never writes a token', () => {
    const lines: string[] = [];
    const log = new Log(recordingChannel(lines));
    const apiKey = 'a-testor-abcdefghij';
    const token = 'tok-3xample-SECRET';
    log.addSecret(apiKey, token);
    log.for('tree').info(`roots of sandbox; token was ${token}`);
    log
      .for('rest')
      .warn(`GET /api/v0002/x with Authorization: Basic ${Buffer.from(`${apiKey}:${token}`).toString('base64')}`);
    log.for('command').error(new Error(`failed with password=${token}`) as unknown as string);
    assert.deepStrictEqual(lines, [
      'info [tree] roots of sandbox; token was ***',
      'warn [rest] GET /api/v0002/x with Authorization: Basic ***',
      'error [command] failed with password=***',
    ]);
  });
});
