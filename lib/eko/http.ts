import 'server-only';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

// The one outbound HTTP exchange with Eko, on node:http(s) with a keep-alive agent of our own
// rather than fetch: under the bench's load, fetch's WHATWG request, response and stream objects
// cost the sender lookup more CPU than anything else it does besides the database (issue 16, part 4).
// Connections are reused; Node closes an idle one a second before the server's own Keep-Alive
// timeout says it would, as undici did.

/** Why an exchange produced no answer: the whole exchange ran past its time, or the network failed. */
export class EkoHttpError extends Error {
  constructor(
    readonly cause: 'timeout' | 'network',
    /** Set when the status line had arrived before the failure. */
    readonly httpStatus: number | null,
  ) {
    super(`eko http ${cause}`);
    this.name = 'EkoHttpError';
  }
}

export interface EkoHttpAnswer {
  status: number;
  text: string;
}

const agents = {
  'http:': new HttpAgent({ keepAlive: true, maxSockets: 64 }),
  'https:': new HttpsAgent({ keepAlive: true, maxSockets: 64 }),
};

export function ekoExchange(
  url: string,
  options: { method: string; headers: Record<string, string>; body?: string; timeoutMs: number },
): Promise<EkoHttpAnswer> {
  const target = new URL(url);
  const agent = agents[target.protocol as keyof typeof agents];
  if (!agent) return Promise.reject(new Error(`Eko's base URL must be http or https, not ${target.protocol}`));
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const headers = options.body === undefined ? options.headers : { ...options.headers, 'content-length': String(Buffer.byteLength(options.body)) };
  return new Promise<EkoHttpAnswer>((resolve, reject) => {
    let status: number | null = null;
    let settled = false;
    const fail = (cause: 'timeout' | 'network') => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new EkoHttpError(cause, status));
    };
    // One deadline for the whole exchange (connect, send, answer, body), as AbortSignal.timeout was.
    const timer = setTimeout(() => {
      fail('timeout');
      req.destroy();
    }, options.timeoutMs);
    const req = send(target, { method: options.method, headers, agent }, (res: IncomingMessage) => {
      status = res.statusCode ?? 0;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ status: status!, text: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('aborted', () => fail('network'));
      res.on('error', () => fail('network'));
    });
    req.on('error', () => fail('network'));
    req.end(options.body);
  });
}
