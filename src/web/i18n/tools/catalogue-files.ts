/**
 * The catalogue source files of one language, read and rewritten in place. A language's messages
 * are spread over `src/web/i18n/<locale>.ts`, `src/web/i18n/<area>/<locale>.ts` and the value labels
 * `src/shared/value-labels/<locale>.ts`, the schemas' field messages `src/shared/issue-messages/<locale>.ts`
 * and the audit trail's field names `src/shared/audit-fields/<locale>.ts`,
 * each an object
 * literal of `'key': 'message'` properties; the import changes only the string literals of the keys
 * it updates, so comments, order and spreads stay as they are, and prettier then formats the file.
 * Node-only (the app never imports this).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import ts from 'typescript';
import type { Locale } from '../../../shared/roles.js';

/** src/web/i18n */
export const I18N_DIR = fileURLToPath(new URL('..', import.meta.url));
/** src/shared/value-labels: the closed lists' labels, shared with the server's printed papers. */
const VALUE_LABELS_DIR = fileURLToPath(new URL('../../../shared/value-labels', import.meta.url));
/** src/shared/issue-messages: the shared schemas' field messages, shared with the server's answers. */
const ISSUE_MESSAGES_DIR = fileURLToPath(new URL('../../../shared/issue-messages', import.meta.url));
/** src/shared/audit-fields: the labels of the field names the audit trail records. */
const AUDIT_FIELDS_DIR = fileURLToPath(new URL('../../../shared/audit-fields', import.meta.url));

/** The files holding `locale`'s messages, the main catalogue first. */
export function catalogueFiles(locale: Locale, dir = I18N_DIR): string[] {
  const areas = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(dir, entry.name, `${locale}.ts`))
    .filter((file) => {
      try {
        readFileSync(file);
        return true;
      } catch {
        return false;
      }
    })
    .sort();
  const labels =
    dir === I18N_DIR
      ? [
          join(VALUE_LABELS_DIR, `${locale}.ts`),
          join(ISSUE_MESSAGES_DIR, `${locale}.ts`),
          join(AUDIT_FIELDS_DIR, `${locale}.ts`),
        ]
      : [];
  return [join(dir, `${locale}.ts`), ...areas, ...labels];
}

/** Where one message is written: its file and the span of its string literal. */
export interface MessageSite {
  file: string;
  start: number;
  end: number;
  message: string;
}

function propertyName(name: ts.PropertyName): string | null {
  return ts.isStringLiteral(name) || ts.isIdentifier(name) || ts.isNoSubstitutionTemplateLiteral(name)
    ? name.text
    : null;
}

/** Every `'key': 'message'` property written in `source` (nested objects included). */
export function messageSites(file: string, source: string): Map<string, MessageSite> {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const sites = new Map<string, MessageSite>();
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAssignment(node)) {
      const key = propertyName(node.name);
      const value = node.initializer;
      if (key !== null && (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value))) {
        sites.set(key, { file, start: value.getStart(tree), end: value.getEnd(), message: value.text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return sites;
}

/** All of `locale`'s messages with where each is written. */
export function readCatalogueSites(locale: Locale, dir = I18N_DIR): Map<string, MessageSite> {
  const all = new Map<string, MessageSite>();
  for (const file of catalogueFiles(locale, dir)) {
    for (const [key, site] of messageSites(file, readFileSync(file, 'utf8'))) all.set(key, site);
  }
  return all;
}

/** A TypeScript string literal for `text` (prettier picks the quotes afterwards). */
function literal(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

/** `source` with the messages of `updates` replaced (keys not written in this file are ignored). */
export function rewriteSource(file: string, source: string, updates: ReadonlyMap<string, string>): string {
  const edits = [...messageSites(file, source)]
    .filter(([key, site]) => updates.has(key) && updates.get(key) !== site.message)
    .map(([key, site]) => ({ ...site, text: literal(updates.get(key)!) }))
    .sort((a, b) => b.start - a.start);
  let result = source;
  for (const edit of edits) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

/** Formats a rewritten file as `npm run check` expects. */
export async function formatSource(file: string, source: string): Promise<string> {
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(source, { ...options, filepath: file });
}

/**
 * Writes `updates` (key → message) into `locale`'s catalogue files; returns the files changed,
 * relative to `dir`. Every key must already exist in one of them.
 */
export async function writeMessages(
  locale: Locale,
  updates: ReadonlyMap<string, string>,
  dir = I18N_DIR,
): Promise<string[]> {
  const sites = readCatalogueSites(locale, dir);
  const unknown = [...updates.keys()].filter((key) => !sites.has(key));
  if (unknown.length > 0) throw new Error(`Not in the ${locale} catalogue: ${unknown.join(', ')}`);
  const changed: string[] = [];
  for (const file of catalogueFiles(locale, dir)) {
    const source = readFileSync(file, 'utf8');
    const rewritten = rewriteSource(file, source, updates);
    if (rewritten === source) continue;
    writeFileSync(file, await formatSource(file, rewritten));
    changed.push(relative(dir, file));
  }
  return changed;
}
