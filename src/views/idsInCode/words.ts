// The words of lenses, hovers and links in the display language (the features word nothing
// themselves: they take these).
import * as vscode from 'vscode';
import type { HoverAction } from '../../features/idsInCode/hoverActions';
import type { HoverWords } from '../../features/idsInCode/hoverText';
import type { LensWords } from '../../features/idsInCode/lensText';

export function lensWords(): LensWords {
  return {
    pending: vscode.l10n.t('looking up…'),
    connected: (since) =>
      vscode.l10n.t({
        message: 'connected {0}',
        args: [since],
        comment: ['a lens above code: the argument is how long, e.g. 2 h'],
      }),
    disconnected: (since) =>
      vscode.l10n.t({
        message: 'disconnected {0}',
        args: [since],
        comment: ['a lens above code: the argument is how long, e.g. 2 h'],
      }),
    connectedNow: vscode.l10n.t('connected'),
    disconnectedNow: vscode.l10n.t('disconnected'),
    connectedJustNow: vscode.l10n.t('connected just now'),
    disconnectedJustNow: vscode.l10n.t('disconnected just now'),
    statusUnknown: vscode.l10n.t('status unknown'),
    notKnown: (platform) => vscode.l10n.t('not known to platform {0}', platform),
    unreachable: vscode.l10n.t('unknown (platform unreachable)'),
    drops: (count, codes) => vscode.l10n.t('{0} drops today ({1})', count, codes),
    oneDrop: (codes) => vscode.l10n.t('1 drop today ({0})', codes),
    noCode: '?',
  };
}

export function hoverWords(): HoverWords {
  return {
    lens: lensWords(),
    pending: (name, platform) => vscode.l10n.t('Looking up {0} on platform {1}…', name, platform),
    notKnown: (name, platform) =>
      vscode.l10n.t('{0} is not known to platform {1} (never connected, or not registered).', name, platform),
    unreachable: (name, platform) =>
      vscode.l10n.t('The state of {0} is unknown: platform {1} could not be reached.', name, platform),
    problem: (message) => vscode.l10n.t('Why: {0}', message),
    noDropsToday: vscode.l10n.t('No drops today.'),
  };
}

export function actionLabel(kind: HoverAction['kind']): string {
  switch (kind) {
    case 'timeline':
      return vscode.l10n.t('Show Timeline');
    case 'pin':
      return vscode.l10n.t('Pin');
    case 'unpin':
      return vscode.l10n.t('Unpin');
    case 'copy':
      return vscode.l10n.t('Copy Client ID');
    case 'register':
      return vscode.l10n.t('Register Device…');
  }
}

export function timelineLensTitle(): string {
  return vscode.l10n.t('Timeline');
}

export function linkTooltip(): string {
  return vscode.l10n.t('Open the connection timeline (Ctrl+click)');
}
