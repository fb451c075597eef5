/**
 * One catalogue of the shared schemas' field messages (es.ts is the source of the codes; gn.ts and
 * en.ts must have every code, or they do not compile). A schema's `.refine`/`.regex`/`addIssue`
 * message is a code (`'issue.afterToday'`); the server translates it into the request's language
 * (src/server/core/messages.ts spreads `issueMessages`) and the web app shows the same text before
 * sending (src/web/i18n/<lang>.ts spread these files; src/web/forms.ts `issueMessage`).
 * src/shared/issue-messages/issue-messages.unit.test.ts fails on a literal message in a shared
 * schema that is not a code here.
 */
import type { Locale } from '../roles.js';
import { issuesEn } from './en.js';
import { issuesEs } from './es.js';
import { issuesGn } from './gn.js';

export type IssueCode = keyof typeof issuesEs;

/** Code → its text in each language, the shape of the server's message catalogue. */
export const issueMessages = Object.fromEntries(
  (Object.keys(issuesEs) as IssueCode[]).map((code) => [
    code,
    { es: issuesEs[code], gn: issuesGn[code], en: issuesEn[code] },
  ]),
) as Record<IssueCode, Record<Locale, string>>;

/** Whether a zod issue's message is a code of this catalogue. */
export function isIssueCode(message: string): message is IssueCode {
  return Object.hasOwn(issuesEs, message);
}
