// The English bundle: every message the sources pass to `l10n.t` (@vscode/l10n, in rooms that do
// not know VS Code) or `vscode.l10n.t`, read with the TypeScript parser. A message may be written
// as literals joined by `+` (lines stay under 120 columns), which @vscode/l10n-dev's extractor
// skips; a message that is not a literal at all is reported, since no bundle could translate it.
//   node out/scripts/l10n/extract.js   writes l10n/bundle.l10n.json
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

export interface Extracted {
  /** Message (or message/comment) → the message, as VS Code's bundles key them. */
  readonly messages: Record<string, string>;
  /** `file:line` of each call whose message is not made of literals. */
  readonly dynamic: string[];
}

function literal(node: ts.Expression): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isParenthesizedExpression(node)) return literal(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const [a, b] = [literal(node.left), literal(node.right)];
    return a !== undefined && b !== undefined ? a + b : undefined;
  }
  return undefined;
}

function isL10nT(callee: ts.Expression): boolean {
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 't') return false;
  const owner = callee.expression;
  if (ts.isIdentifier(owner)) return owner.text === 'l10n';
  return ts.isPropertyAccessExpression(owner) && owner.name.text === 'l10n' && ts.isIdentifier(owner.expression);
}

/** The bundle key and message of one call's first argument. */
function keyOf(arg: ts.Expression): [string, string] | undefined {
  const text = literal(arg);
  if (text !== undefined) return [text, text];
  if (!ts.isObjectLiteralExpression(arg)) return undefined;
  const prop = (name: string) =>
    arg.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === name);
  const message = prop('message') && literal(prop('message')!.initializer);
  if (message === undefined) return undefined;
  const comment = prop('comment')?.initializer;
  const parts = comment && ts.isArrayLiteralExpression(comment) ? comment.elements.map((e) => literal(e) ?? '') : [];
  const single = comment && !ts.isArrayLiteralExpression(comment) ? (literal(comment) ?? '') : '';
  const suffix = parts.join('') || single;
  return [suffix ? `${message}/${suffix}` : message, message];
}

export function extractFromSource(fileName: string, text: string, into: Extracted): void {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isL10nT(node.expression) && node.arguments.length > 0) {
      const found = keyOf(node.arguments[0]);
      if (found) into.messages[found[0]] = found[1];
      else into.dynamic.push(`${fileName}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

/**
 * Call sites that translate templates from a table (`file` → the table's file): their calls are not
 * literals, so the table's string values are the messages. The debugging loop's words
 * (features/debug/words.ts) are filled in English elsewhere and translated by views/debug/text.ts.
 */
const TEMPLATE_TABLES: Readonly<Record<string, string>> = {
  'src/views/debug/text.ts': 'src/features/debug/words.ts',
};

/** The string values of the object literals a table file exports as constants. */
function tableMessages(fileName: string, text: string, into: Extracted): void {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && ts.isObjectLiteralExpression(node.parent)) {
      const value = literal(node.initializer);
      if (value !== undefined) into.messages[value] = value;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

export function extractFromFolder(root: string, folder = 'src'): Extracted {
  const out: Extracted = { messages: {}, dynamic: [] };
  const files = fs
    .readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .sort();
  for (const f of files) {
    const rel = path.join(folder, f);
    const table = TEMPLATE_TABLES[rel.split(path.sep).join('/')];
    const found: Extracted = { messages: out.messages, dynamic: [] };
    extractFromSource(rel, fs.readFileSync(path.join(root, rel), 'utf8'), found);
    if (table) tableMessages(table, fs.readFileSync(path.join(root, table), 'utf8'), out);
    else out.dynamic.push(...found.dynamic);
  }
  return out;
}

/** The English bundle's text: keys in order, one per line, as the file is kept. */
export function bundleText(messages: Record<string, string>): string {
  const sorted = Object.fromEntries(Object.keys(messages).sort().map((k) => [k, messages[k]]));
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..', '..', '..');
  const { messages, dynamic } = extractFromFolder(root);
  if (dynamic.length > 0) {
    console.error(`[l10n] messages that are not literals:\n  ${dynamic.join('\n  ')}`);
    process.exit(1);
  }
  fs.writeFileSync(path.join(root, 'l10n', 'bundle.l10n.json'), bundleText(messages));
  console.log(`[l10n] l10n/bundle.l10n.json: ${Object.keys(messages).length} messages`);
}
