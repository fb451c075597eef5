/** Serves the built web app (dist/web) at `/`, with index.html for every client-side route. */
import fs from 'node:fs';
import path from 'node:path';
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

export function serveWebApp(app: FastifyInstance, webDir: string): void {
  const root = path.resolve(webDir);
  const index = path.join(root, 'index.html');
  app.get('/*', async (request, reply) => {
    const urlPath = decodeURIComponent((request.url.split('?')[0] ?? '/').replace(/^\/+/, ''));
    const file = path.resolve(root, urlPath);
    const inside = file === root || file.startsWith(root + path.sep);
    const target = inside && urlPath && fs.existsSync(file) && fs.statSync(file).isFile() ? file : index;
    if (!fs.existsSync(target)) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The web app is not built. Run `npm run build` (npm start does it for you).');
    }
    const isAsset = target !== index && urlPath.startsWith('assets/');
    reply.header('cache-control', isAsset ? 'public, max-age=31536000, immutable' : 'no-cache');
    reply.type(TYPES[path.extname(target)] ?? 'application/octet-stream');
    return reply.send(fs.createReadStream(target));
  });
}
