/**
 * Every message a shared schema gives its own checks is a code of src/shared/issue-messages.ts with
 * Spanish, Guaraní and English text: read from the sources at test time, so an English message
 * added to a schema later fails here (it would reach users untranslated).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { translator, loadCatalogue } from '../../web/i18n/translate.js';
import { issueMessage } from '../../web/forms.js';
import { PastIsoDate } from '../api-identification.js';
import { messages } from '../../server/core/messages.js';
import { isIssueCode, issueMessages } from './index.js';

const dir = join(import.meta.dirname, '..');
const sources = readdirSync(dir, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.') && !f.startsWith('issue-messages'))
  .map((f) => join(dir, f));

/** Checks whose second argument (a string, or an object's `message`/`error`) is the issue's message. */
const CHECKS = new Set(['refine', 'regex', 'min', 'max', 'length', 'gt', 'gte', 'lt', 'lte', 'nonempty']);

/** Each message a schema writes: [file:line, text]; a template literal is listed as `${…}`. */
function messagesIn(file: string): [string, string][] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: [string, string][] = [];
  const add = (node: ts.Node) => {
    const where = `${file.slice(dir.length + 1)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push([where, node.text]);
    else if (ts.isTemplateExpression(node)) found.push([where, node.getText()]);
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const name = node.expression.name.text;
      const second = node.arguments[1];
      if (CHECKS.has(name) && second) add(second);
    }
    if (
      ts.isPropertyAssignment(node) &&
      ts.isIdentifier(node.name) &&
      (node.name.text === 'message' || node.name.text === 'error')
    )
      add(node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the shared schemas’ messages', () => {
  const all = sources.flatMap(messagesIn);

  it('are read from the sources (the walk finds the checks)', () => {
    expect(all.length).toBeGreaterThan(40);
    expect(all.map(([, text]) => text)).toContain('issue.afterToday');
  });

  it('are all codes of the issue catalogue', () => {
    expect(all.filter(([, text]) => !isIssueCode(text))).toEqual([]);
  });

  it('the server’s own field issues ({ path, message: literal }) are codes of its catalogue too', () => {
    const server = join(dir, '../server');
    const files = readdirSync(server, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.ts$/.test(f) && !f.includes('.test.'))
      .map((f) => join(server, f));
    const literals: [string, string][] = [];
    for (const file of files) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node) => {
        if (ts.isObjectLiteralExpression(node)) {
          const props = new Map(
            node.properties.flatMap((p) =>
              ts.isPropertyAssignment(p) && ts.isIdentifier(p.name)
                ? [[p.name.text, p.initializer] as const]
                : [],
            ),
          );
          const message = props.get('message');
          if (props.has('path') && message && ts.isStringLiteral(message))
            literals.push([`${file.slice(server.length + 1)}: ${message.text}`, message.text]);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(literals.map(([, text]) => text)).toContain('issue.afterToday');
    expect(literals.filter(([, text]) => !Object.hasOwn(messages, text)).map(([where]) => where)).toEqual([]);
  });

  it('each code has Spanish, Guaraní and English text, Guaraní its own', () => {
    for (const [code, texts] of Object.entries(issueMessages)) {
      for (const locale of ['es', 'gn', 'en'] as const)
        expect(texts[locale].trim(), `${code} ${locale}`).not.toBe('');
      expect(texts.gn, code).not.toBe(texts.es);
      expect(texts.es, code).not.toMatch(/[{}]/); // plain text in the ICU web catalogues
    }
  });

  it('every new Guaraní text awaits review (src/web/i18n/review.json)', () => {
    const review = JSON.parse(readFileSync(join(dir, '../web/i18n/review.json'), 'utf8')) as {
      gn: Record<string, string>;
    };
    expect(Object.keys(issueMessages).filter((code) => !(code in review.gn))).toEqual([]);
  });

  it('show translated before sending, in the form', async () => {
    await Promise.all([loadCatalogue('es'), loadCatalogue('gn')]);
    const issue = PastIsoDate.safeParse('2999-01-01').error!.issues[0]!;
    expect(issueMessage(issue as z.core.$ZodRawIssue, translator('es'), undefined)).toBe(
      issueMessages['issue.afterToday'].es,
    );
    expect(issueMessage(issue as z.core.$ZodRawIssue, translator('gn'), undefined)).toBe(
      issueMessages['issue.afterToday'].gn,
    );
  });
});
