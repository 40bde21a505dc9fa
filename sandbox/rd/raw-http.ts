import { createServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer, type TlsOptions } from 'node:tls';

// Node's HTTP parser accepts only the standard methods, and the RD protocol's verbs (RDSERVICE,
// DEVICEINFO, CAPTURE) are not among them. Real RD services accept them, so the sandbox speaks
// just enough HTTP/1.1 itself: request line, headers, Content-Length bodies, keep-alive.

export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  socket: Socket;
}

export interface RawResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Drop the connection without answering (nothing listens here, as far as the client can tell). */
  destroy?: boolean;
}

const REASONS: Record<number, string> = { 200: 'OK', 204: 'No Content', 400: 'Bad Request', 404: 'Not Found', 413: 'Payload Too Large' };
const MAX_REQUEST = 256 * 1024;

/** Plain HTTP, or HTTPS with `tls` (a driver that serves only https, as Morpho, Precision and Tatvik can). */
export function createRawHttpServer(handle: (req: RawRequest) => Promise<RawResponse>, tls?: TlsOptions): Server {
  const serve = (socket: Socket) => {
    let buffer = Buffer.alloc(0);
    let busy = false;

    const respond = (res: RawResponse) => {
      if (res.destroy) return void socket.destroy();
      const body = Buffer.from(res.body ?? '', 'utf8');
      const head = [
        `HTTP/1.1 ${res.status} ${REASONS[res.status] ?? 'OK'}`,
        ...Object.entries({ ...res.headers, 'Content-Length': String(body.length), Connection: 'keep-alive' }).map(([k, v]) => `${k}: ${v}`),
      ];
      socket.write(Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`), body]));
    };

    const pump = async () => {
      if (busy) return;
      busy = true;
      try {
        for (;;) {
          const end = buffer.indexOf('\r\n\r\n');
          if (end < 0) {
            if (buffer.length > MAX_REQUEST) respond({ status: 413 });
            return;
          }
          const [requestLine = '', ...lines] = buffer.subarray(0, end).toString('latin1').split('\r\n');
          const [method = '', path = '/'] = requestLine.split(' ');
          const headers: Record<string, string> = {};
          for (const line of lines) {
            const i = line.indexOf(':');
            if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
          }
          const length = Number(headers['content-length'] ?? '0');
          if (!Number.isFinite(length) || length > MAX_REQUEST) return respond({ status: 413 });
          if (buffer.length < end + 4 + length) return;
          const body = buffer.subarray(end + 4, end + 4 + length).toString('utf8');
          buffer = buffer.subarray(end + 4 + length);
          respond(await handle({ method: method.toUpperCase(), path, headers, body, socket }));
          if (socket.destroyed) return;
        }
      } catch {
        socket.destroy();
      } finally {
        busy = false;
      }
    };

    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      void pump();
    });
    socket.on('error', () => socket.destroy());
  };
  // A plain-http request to the TLS port fails its handshake and is dropped, as a real https-only driver's would be.
  return tls ? createTlsServer(tls, serve) : createServer(serve);
}
