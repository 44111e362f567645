import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP proxy in front of a storage endpoint that can be switched off: while down it drops
 * every connection, as an unreachable storage account does.
 */
export async function startOutageProxy(target: { host: string; port: number }) {
  let down = false;
  let refused = 0;
  let forwarding = 0;
  const server = http.createServer((req, res) => {
    if (down) {
      refused++;
      return void req.socket.destroy();
    }
    const upstream = http.request(
      { host: target.host, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    forwarding++;
    // Until storage has answered: a request let through just before the outage may still change a record.
    upstream.once('close', () => forwarding--);
    upstream.on('error', () => req.socket.destroy());
    req.pipe(upstream);
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    setDown(value: boolean) {
      down = value;
    },
    /** How many requests it has dropped while down: a test keeps storage away until the service has met the outage. */
    refused: () => refused,
    /** How many requests it let through that storage has not finished answering yet. */
    forwarding: () => forwarding,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
