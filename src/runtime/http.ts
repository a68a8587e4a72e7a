// The service's one HTTP server (HTTP_PORT): a small router of exact method + path routes. The Telegram
// webhook registers here; health and metrics endpoints belong here too.
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { Logger } from '../core/ports';

export type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface HttpServer {
  /** Adds a route; the path is matched exactly, without the query string. */
  route(method: string, path: string, handler: Route): void;
  /** The port it listens on (useful when started on port 0). */
  readonly port: number;
  close(): Promise<void>;
}

export async function startHttpServer(port: number, log: Logger, host = '0.0.0.0'): Promise<HttpServer> {
  const routes = new Map<string, Route>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const handler = routes.get(`${req.method} ${path}`);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    Promise.resolve(handler(req, res)).catch((err: unknown) => {
      log.error({ err, path }, 'http handler failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return {
    route: (method, path, handler) => void routes.set(`${method.toUpperCase()} ${path}`, handler),
    port: typeof address === 'object' && address ? address.port : port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
