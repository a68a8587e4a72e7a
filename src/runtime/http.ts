// The service's one HTTP server (HTTP_PORT): a tiny router over node:http. Health, metrics and the Telegram
// webhook each add a route; anything else is a 404 (or 405 for a known path).
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../core/ports';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface HttpServer {
  /** Adds a route; the path is matched exactly, without the query string. */
  route(method: string, path: string, handler: Handler): void;
  /** Starts listening; resolves with the port (useful with port 0). */
  listen(port: number, host?: string): Promise<number>;
  /** The port it listens on, once listening. */
  readonly port: number;
  close(): Promise<void>;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function createHttpServer(log: Logger): HttpServer {
  const routes = new Map<string, Handler>();
  let port = 0;
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const handler = routes.get(`${req.method} ${path}`);
    if (!handler) {
      const known = [...routes.keys()].some((k) => k.endsWith(` ${path}`));
      sendJson(res, known ? 405 : 404, { error: known ? 'method not allowed' : 'not found' });
      return;
    }
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((err: unknown) => {
        log.error({ err, path }, 'http handler failed');
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
        else res.destroy();
      });
  });
  return {
    route: (method, path, handler) => void routes.set(`${method.toUpperCase()} ${path}`, handler),
    listen: (wanted, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(wanted, host, () => resolve((port = (server.address() as AddressInfo).port)));
      }),
    get port() {
      return port;
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Creates the server and starts listening. */
export async function startHttpServer(port: number, log: Logger, host = '0.0.0.0'): Promise<HttpServer> {
  const server = createHttpServer(log);
  await server.listen(port, host);
  return server;
}
