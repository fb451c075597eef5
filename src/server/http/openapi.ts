/** The OpenAPI 3.1 document, built from the contracts (src/shared/contracts), and a browsable HTML reference. */
import { z, type ZodType } from 'zod';
import { ErrorBody } from '../../shared/api.js';
import { statusOf, type AnyContract } from '../../shared/contract.js';

function schemaOf(schema: ZodType, io: 'input' | 'output') {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

/** Every signed-in write accepts a key that makes a retry safe (http/idempotency.ts, docs/OFFLINE.md). */
const IDEMPOTENCY_PARAMETER = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'A unique key per operation (8–255 visible characters). A retry with the same key returns the first answer (header idempotent-replayed: true) and writes nothing more; the same key with another request is 422. Kept 24 hours, per user.',
  schema: { type: 'string', minLength: 8, maxLength: 255 },
};

function parametersOf(schema: ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = schemaOf(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: s,
  }));
}

export function buildOpenApi(contracts: readonly AnyContract[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorResponse = {
    description: 'Error',
    content: { 'application/json': { schema: schemaOf(ErrorBody, 'output') } },
  };
  for (const r of contracts) {
    const operation: Record<string, unknown> = {
      operationId: r.operationId,
      summary: r.summary,
      tags: r.tags,
      parameters: [
        ...parametersOf(r.params, 'path'),
        ...parametersOf(r.query, 'query'),
        ...(r.auth === 'session' && r.method !== 'GET' ? [IDEMPOTENCY_PARAMETER] : []),
      ],
      responses: {
        [String(statusOf(r))]: r.response
          ? { description: 'OK', content: { 'application/json': { schema: schemaOf(r.response, 'output') } } }
          : { description: 'No content' },
        '400': errorResponse,
        ...(r.auth === 'session' ? { '401': errorResponse, '403': errorResponse, '404': errorResponse } : {}),
      },
      ...(r.auth === 'session' ? { security: [{ session: [] }] } : { security: [] }),
      ...(r.action ? { 'x-permission': r.action } : {}),
    };
    if (r.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: schemaOf(r.body, 'input') } },
      };
    }
    (paths[r.path] ??= {})[r.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Ñandutí API',
      version,
      description:
        'API of Ñandutí, the information system for the national response to human trafficking in Paraguay. ' +
        'Cookie sessions; writes need the `x-csrf-token` header from getSession. Errors are `{ error: { code, message } }`.',
      license: { name: 'AGPL-3.0-or-later' },
    },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'nanduti_session' },
      },
    },
    paths,
  };
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A plain, dependency-free HTML reference (strict CSP: no scripts, one stylesheet). */
export function renderDocs(doc: ReturnType<typeof buildOpenApi>): string {
  const sections = Object.entries(doc.paths)
    .flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => {
        const o = op as Record<string, unknown> & {
          requestBody?: { content: Record<string, { schema: unknown }> };
        };
        const body = o.requestBody
          ? JSON.stringify(o.requestBody.content['application/json']?.schema, null, 2)
          : null;
        const responses = JSON.stringify(o.responses, null, 2);
        return `<section id="${escape(String(o.operationId))}">
  <h2><span class="m ${method}">${method.toUpperCase()}</span> <code>${escape(path)}</code></h2>
  <p><strong>${escape(String(o.operationId))}</strong> — ${escape(String(o.summary ?? ''))}${o['x-permission'] ? ` <em>(${escape(String(o['x-permission']))})</em>` : ''}</p>
  ${(o.parameters as unknown[]).length ? `<details><summary>Parameters</summary><pre>${escape(JSON.stringify(o.parameters, null, 2))}</pre></details>` : ''}
  ${body ? `<details><summary>Request body</summary><pre>${escape(body)}</pre></details>` : ''}
  <details><summary>Responses</summary><pre>${escape(responses)}</pre></details>
</section>`;
      }),
    )
    .join('\n');
  const toc = Object.values(doc.paths)
    .flatMap((ops) => Object.values(ops).map((op) => String((op as { operationId: string }).operationId)))
    .map((id) => `<li><a href="#${escape(id)}">${escape(id)}</a></li>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Ñandutí API reference</title><link rel="stylesheet" href="/api/docs.css"></head>
<body><header><h1>Ñandutí API ${escape(doc.info.version)}</h1><p>${escape(doc.info.description)}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1)</p></header>
<nav aria-label="Operations"><ul>${toc}</ul></nav><main>${sections}</main></body></html>`;
}

export const DOCS_CSS = `body{font-family:system-ui,sans-serif;margin:0;display:grid;grid-template-columns:16rem 1fr;color:#1a1a1a}
header{grid-column:1/3;background:#4a1d5c;color:#fff;padding:1rem 2rem}header a{color:#fff}
nav{padding:1rem;border-right:1px solid #ddd;font-size:.9rem}nav ul{list-style:none;padding:0}nav a{color:#4a1d5c}
main{padding:1rem 2rem}section{border-bottom:1px solid #eee;padding:.5rem 0}pre{background:#f6f6f6;padding:.75rem;overflow:auto}
.m{display:inline-block;min-width:4rem;text-align:center;border-radius:4px;color:#fff;font-size:.8rem;padding:.1rem .4rem}
.get{background:#1f6f43}.post{background:#1d4f91}.patch{background:#8a5a00}.delete{background:#a11}
@media (max-width:700px){body{grid-template-columns:1fr}nav{display:none}}`;
