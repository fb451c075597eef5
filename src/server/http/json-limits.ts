/**
 * Limits on JSON request bodies beside the size limit (413): nesting deeper than
 * {@link MAX_JSON_DEPTH} is a 400 before anything parses or walks it, so no request can make a
 * recursive step (the parser's, a validator's) overflow the stack.
 */
import type { FastifyInstance } from 'fastify';
import { errors } from '../core/errors.js';

/** Deeper than any body the API takes (its schemas nest a handful of levels) and far from the stack's limit. */
export const MAX_JSON_DEPTH = 32;

/**
 * The deepest nesting of arrays and objects in a JSON text, in one pass without recursion; it stops
 * counting once past `limit` (brackets inside strings do not count).
 */
export function jsonDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c)
        i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x7b || ch === 0x5b) {
      if (++depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (ch === 0x7d || ch === 0x5d) depth--;
  }
  return deepest;
}

/** Replaces Fastify's JSON parser with the same parser (prototype-poisoning checks included) behind a depth check. */
export function limitJsonDepth(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      done(errors.jsonTooDeep(MAX_JSON_DEPTH), undefined);
      return;
    }
    parse(request, text, done);
  });
}
