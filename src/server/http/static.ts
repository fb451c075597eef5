/**
 * Serves the built web app (dist/web) at `/`, with index.html for every client-side route. Text
 * files go out compressed (Brotli, else gzip) when the browser accepts it — the app's script is
 * about 750 kB and a phone on a rural connection should not wait for it — compressed once per file
 * version and kept in memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.webmanifest', '.txt']);

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
type Encoding = 'br' | 'gzip';

/** The encoding to answer with: Brotli if accepted, else gzip, else none (q=0 refuses one). */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, ...params]) => !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p)))
      .map(([name]) => name!.trim().toLowerCase()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return null;
}

/** Compressed copies by file, encoding and modification time (a rebuild changes the time). */
const compressed = new Map<string, Promise<Buffer>>();

function compressedCopy(file: string, encoding: Encoding, mtimeMs: number): Promise<Buffer> {
  const key = `${encoding}:${mtimeMs}:${file}`;
  let copy = compressed.get(key);
  if (!copy) {
    copy = fs.promises
      .readFile(file)
      .then((data) =>
        encoding === 'br'
          ? brotli(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } })
          : gzip(data, { level: 9 }),
      );
    copy.catch(() => compressed.delete(key));
    compressed.set(key, copy);
  }
  return copy;
}

/** The request's path without its query and leading slashes, decoded; null when its escapes are malformed. */
function decodedPath(url: string): string | null {
  try {
    return decodeURIComponent((url.split('?')[0] ?? '/').replace(/^\/+/, ''));
  } catch {
    return null;
  }
}

export function serveWebApp(app: FastifyInstance, webDir: string): void {
  const root = path.resolve(webDir);
  const index = path.join(root, 'index.html');
  app.get('/*', async (request, reply) => {
    const urlPath = decodedPath(request.url);
    if (urlPath === null) return reply.code(400).type('text/plain; charset=utf-8').send('Malformed address.');
    const file = path.resolve(root, urlPath);
    const inside = file === root || file.startsWith(root + path.sep);
    const found = inside && urlPath !== '' && fs.existsSync(file) && fs.statSync(file).isFile();
    // A file of the build that is not there (an old page asking for a script a new build replaced)
    // is missing, not a client-side route: the page would otherwise be parsed as a script.
    if (!found && urlPath.startsWith('assets/')) {
      return reply
        .code(404)
        .header('cache-control', 'no-cache')
        .type('text/plain; charset=utf-8')
        .send('Not found.');
    }
    const target = found ? file : index;
    if (!fs.existsSync(target)) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The web app is not built. Run `npm run build` (npm start does it for you).');
    }
    const isAsset = target !== index && urlPath.startsWith('assets/');
    reply.header('cache-control', isAsset ? 'public, max-age=31536000, immutable' : 'no-cache');
    const extension = path.extname(target);
    reply.type(TYPES[extension] ?? 'application/octet-stream');
    if (!COMPRESSIBLE.has(extension)) return reply.send(fs.createReadStream(target));
    reply.header('vary', 'Accept-Encoding');
    const encoding = chooseEncoding(request.headers['accept-encoding']);
    if (encoding === null) return reply.send(fs.createReadStream(target));
    const body = await compressedCopy(target, encoding, fs.statSync(target).mtimeMs);
    reply.header('content-encoding', encoding);
    return reply.send(body);
  });
}
