import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding, serveWebApp } from './static.js';

describe('chooseEncoding', () => {
  it('prefers Brotli, falls back to gzip, and honours q=0', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('gzip, deflate')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0.8')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('gzip');
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
  });
});

describe('serveWebApp', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nanduti-static-'));
  const script = 'export const page = "Ñandutí";\n'.repeat(5000);
  const app = Fastify();

  beforeAll(async () => {
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Ñandutí</title>');
    fs.writeFileSync(path.join(dir, 'assets', 'app.js'), script);
    fs.writeFileSync(path.join(dir, 'assets', 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    serveWebApp(app, dir);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string, acceptEncoding?: string) =>
    app.inject({ url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

  it('sends the script Brotli-compressed to a browser that accepts it, byte for byte the same', async () => {
    const res = await get('/assets/app.js', 'gzip, br');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.rawPayload.length).toBeLessThan(script.length / 20);
    expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toBe(script);
  });

  it('sends gzip when only gzip is accepted, and the plain file otherwise', async () => {
    const gz = await get('/assets/app.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(script);
    const plain = await get('/assets/app.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('compresses the page of a client-side route, and leaves images alone', async () => {
    const page = await get('/cases/123', 'br');
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(zlib.brotliDecompressSync(page.rawPayload).toString()).toContain('<title>Ñandutí</title>');
    const image = await get('/assets/logo.png', 'br');
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.rawPayload.length).toBe(4);
  });

  it('answers 404 for a build file that is not there, and 400 for a malformed address', async () => {
    const missing = await get('/assets/app-0ld.js');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).not.toContain('<title>');
    expect((await get('/cases/%E0%A4%A')).statusCode).toBe(400);
    expect((await get('/assets/../../etc/passwd')).body).not.toContain('root:');
  });
});
