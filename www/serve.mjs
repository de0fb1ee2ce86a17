#!/usr/bin/env node
// Serves the demo page: www/ at `/` and the built npm package pkg/ at `/pkg/`, with the right
// MIME types (`application/wasm` for the WebAssembly module, which streaming compilation
// requires). Node's standard library only.
//
//   node www/serve.mjs [--port N] [--host H]      (defaults: port 8000, host 127.0.0.1;
//                                                   --port 0 picks a free port)
//
// It prints the page's URL on its first line of output.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const WWW = fileURLToPath(new URL('.', import.meta.url));
const PKG = fileURLToPath(new URL('../pkg/', import.meta.url));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ts': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.ndjson': 'application/x-ndjson; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

function parseArgs(argv) {
  const out = { port: 8000, host: '127.0.0.1' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=') ? a.split(/=(.*)/s) : [a, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--port' || flag === '-p') {
      const v = value();
      const n = Number(v);
      if (!/^\d+$/.test(v ?? '') || n > 65535) usage(`--port needs a number from 0 to 65535, not ${v}`);
      out.port = n;
    } else if (flag === '--host') {
      out.host = value();
      if (!out.host) usage('--host needs a value');
    } else if (flag === '--help' || flag === '-h') {
      console.log('usage: node www/serve.mjs [--port N] [--host H]\nServes the contact-rules demo (www/) and the npm package (pkg/ at /pkg/).');
      process.exit(0);
    } else {
      usage(`unknown argument ${a}`);
    }
  }
  return out;
}

function usage(message) {
  console.error(`serve.mjs: ${message}\nusage: node www/serve.mjs [--port N] [--host H]`);
  process.exit(2);
}

/** The file a URL path names, or null when it is outside the two served directories. */
function fileFor(pathname) {
  let path;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const [root, rest] = path === '/pkg' || path.startsWith('/pkg/') ? [PKG, path.slice(4)] : [WWW, path];
  const file = resolve(root, `.${rest.endsWith('/') || rest === '' ? `${rest}/index.html` : rest}`);
  const base = root.endsWith(sep) ? root : root + sep;
  return file.startsWith(base) ? file : null;
}

async function handle(req, res) {
  const send = (code, text, headers = {}) => {
    res.writeHead(code, { 'content-type': 'text/plain; charset=utf-8', ...headers });
    res.end(req.method === 'HEAD' ? undefined : text);
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method not allowed\n', { allow: 'GET, HEAD' });
  const url = new URL(req.url ?? '/', 'http://localhost');
  let file = fileFor(url.pathname);
  if (!file) return send(404, 'Not found\n');
  let info;
  try {
    info = await stat(file);
    if (info.isDirectory()) {
      if (!url.pathname.endsWith('/')) return send(301, '', { location: `${url.pathname}/${url.search}` });
      file = join(file, 'index.html');
      info = await stat(file);
    }
  } catch {
    const hint = url.pathname.startsWith('/pkg/') ? ' (pkg/ is built by: bash scripts/build-pkg.sh)' : '';
    return send(404, `Not found${hint}\n`);
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

const { port, host } = parseArgs(process.argv.slice(2));
const server = createServer((req, res) => {
  handle(req, res).catch(() => {
    if (!res.headersSent) res.writeHead(500);
    res.end();
  });
});
server.on('error', (e) => {
  console.error(`serve.mjs: cannot listen on ${host}:${port}: ${e.message}`);
  process.exit(2);
});
server.listen(port, host, async () => {
  const { port: actual } = server.address();
  const shown = host.includes(':') ? `[${host}]` : host;
  console.log(`contact-rules demo: http://${shown}:${actual}/`);
  try {
    await stat(join(PKG, 'index.js'));
  } catch {
    console.warn('warning: pkg/ is not built yet; run: bash scripts/build-pkg.sh');
  }
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
