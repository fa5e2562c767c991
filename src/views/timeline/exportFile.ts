// Export of a timeline's events to a file the person picks (save dialog), CSV or JSON.

import * as vscode from 'vscode';
import type { ConnectivityEvent } from '../../core/events/types';
import type { ExportFormat, TimelineSubject } from '../../shared/protocol';
import { eventsToCsv, eventsToJson, exportFileName } from '../../features/timeline/exportFormat';

/** Where a save dialog starts: the first workspace folder, else the home folder. */
function defaultFolder(): vscode.Uri | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

export async function exportEvents(
  subject: TimelineSubject,
  events: readonly ConnectivityEvent[],
  format: ExportFormat,
  now = Date.now(),
): Promise<vscode.Uri | undefined> {
  const name = exportFileName(subject.name, format, now);
  const folder = defaultFolder();
  const target = await vscode.window.showSaveDialog({
    title: vscode.l10n.t('Export the timeline of {0}', subject.name),
    saveLabel: vscode.l10n.t('Export'),
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}),
    filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
  });
  if (!target) return undefined;
  await writeEvents(target, subject, events, format, now);
  return target;
}

export async function writeEvents(
  target: vscode.Uri,
  subject: TimelineSubject,
  events: readonly ConnectivityEvent[],
  format: ExportFormat,
  now = Date.now(),
): Promise<void> {
  const text = format === 'csv' ? eventsToCsv(events) : eventsToJson(subject.clientId, events, now);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
}
