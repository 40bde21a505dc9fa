// The app's HTTP server: Next's request handler behind a small Node server of our own, which is
// what `npm start`, the end-to-end suite, the load test and the bench run (`next start` directly
// would leave the app unable to tell one client from another).
//
// Route handlers under Next cannot read the TCP peer, and Next fills X-Forwarded-For from it only
// when the client sent none, so the per-address sign-in limit would key on a value the client
// writes. Here every request gets the socket address in a header of our own (overwriting anything
// the client sent), and the process is marked so the app trusts that header and nothing else
// (lib/net/peer.ts, lib/net/client-address.ts).
//
//
// It also gives a page that failed because the database cannot be reached the status the API
// answers with, 503 and Retry-After, in place of Next's 500 (lib/net/request-outcome.ts).
//
//   tsx scripts/serve.ts [--dev] [-p PORT] [-H HOST]
import { createServer, type ServerResponse } from 'node:http';
import next from 'next';
import { markFrontServer, PEER_HEADER } from '../lib/net/peer';
import { type RequestOutcome, withRequestOutcome } from '../lib/net/request-outcome';
import { ROOT } from './lib/build';

/** A 5xx the request's outcome explains (the database is down) leaves as 503 with Retry-After. */
function answerOutagesWith503(res: ServerResponse, outcome: RequestOutcome): void {
  const writeHead = res.writeHead;
  // Node writes the implicit head through this.writeHead too, so this sees every status.
  res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    const retryAfter = outcome.unavailableRetryAfterSeconds;
    if (status >= 500 && retryAfter !== null && !this.headersSent) {
      this.setHeader('retry-after', String(retryAfter));
      this.setHeader('cache-control', 'no-store');
      // The reason phrase, when given, was the 500's.
      return writeHead.apply(this, [503, ...(typeof rest[0] === 'string' ? rest.slice(1) : rest)] as never);
    }
    return writeHead.apply(this, [status, ...rest] as never);
  } as ServerResponse['writeHead'];
}

function option(flags: string[], fallback: string | undefined): string | undefined {
  const args = process.argv.slice(2);
  for (const flag of flags) {
    const i = args.indexOf(flag);
    if (i >= 0 && args[i + 1]) return args[i + 1];
  }
  return fallback;
}

async function main() {
  const dev = process.argv.includes('--dev');
  const port = Number(option(['-p', '--port'], process.env.PORT ?? '3000'));
  const hostname = option(['-H', '--hostname'], undefined);
  markFrontServer();
  const app = next({ dev, dir: ROOT, port, hostname: hostname ?? 'localhost' });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((req, res) => {
    req.headers[PEER_HEADER] = req.socket.remoteAddress ?? '';
    const outcome: RequestOutcome = { unavailableRetryAfterSeconds: null };
    answerOutagesWith503(res, outcome);
    withRequestOutcome(outcome, () => handle(req, res)).catch((err: unknown) => {
      // Next answers its own errors; this is a crash inside its handler. The kind only: the
      // request may carry Aadhaar, PID or an OTP.
      console.error(`[serve] request failed: ${(err as Error)?.name ?? typeof err}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end();
    });
  });
  // Next's dev server reloads pages over a WebSocket.
  if (dev) server.on('upgrade', app.getUpgradeHandler());
  server.keepAliveTimeout = 65_000; // longer than common load balancers' idle timeout (60 s)
  server.listen(port, hostname, () => {
    console.log(`[serve] ${dev ? 'next dev' : 'next'} ready on http://${hostname ?? 'localhost'}:${port}`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: unknown) => {
  console.error(`[serve] ${(err as Error).message}`);
  process.exit(1);
});
