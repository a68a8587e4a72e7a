// A local HTTP server on 127.0.0.1 for fetch tests: fixture files under /feeds/ and /pages/, plus routes a test adds.
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { AddressInfo } from 'node:net';

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface FeedServer {
  url: string;
  port: number;
  routes: Map<string, Route>;
  /** Every request path seen, in order, with its headers. */
  requests: { path: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
export const feedManifest = (): Record<string, { contentType?: string } & Record<string, unknown>> =>
  JSON.parse(readFileSync(join(FIXTURES, 'feeds', 'expected.json'), 'utf8')) as Record<string, { contentType?: string } & Record<string, unknown>>;

const TYPES: Record<string, string> = { '.xml': 'application/xml', '.json': 'application/feed+json', '.html': 'text/html', '.opml': 'text/x-opml' };

function serveFixture(dir: string, name: string, res: ServerResponse, contentType?: string): void {
  let body: Buffer;
  try {
    body = readFileSync(join(FIXTURES, dir, name));
  } catch {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': contentType ?? TYPES[extname(name)] ?? 'application/octet-stream', 'content-length': body.length });
  res.end(body);
}

export async function startFeedServer(host = '127.0.0.1'): Promise<FeedServer> {
  const manifest = feedManifest();
  const routes = new Map<string, Route>();
  const requests: FeedServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push({ path, headers: req.headers });
    const route = routes.get(path);
    if (route) return route(req, res);
    if (path.startsWith('/feeds/')) return serveFixture('feeds', path.slice(7), res, manifest[path.slice(7)]?.contentType);
    if (path.startsWith('/pages/')) return serveFixture('pages', path.slice(7), res);
    res.writeHead(404).end('not found');
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    routes,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
