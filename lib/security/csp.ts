import { RD_PORTS } from '@/lib/rd/discovery';

// The pages' Content-Security-Policy. Scripts run only with this response's nonce (Next stamps it
// on its own scripts) and what those load ('strict-dynamic'). The only place the page may connect
// to beyond its own origin is the RD service on the agent's machine, on the ports discovery
// probes (rd-service.md §2), over http and https. Styles allow inline attributes: React renders
// computed widths (limit bars, charts) as style attributes, and a style cannot run code.
// No upgrade-insecure-requests: it would turn http://127.0.0.1 RD calls into https ones.

export const RD_CONNECT_SOURCES = ['http', 'https'].flatMap((scheme) => RD_PORTS.map((port) => `${scheme}://127.0.0.1:${port}`));

// Everything but the nonce is fixed: built once, not on every page request.
const FIXED_DIRECTIVES = {
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data: blob:",
  'font-src': "'self'",
  'worker-src': "'self'",
  'manifest-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
  'frame-ancestors': "'none'",
};
const fixedPart = Object.entries(FIXED_DIRECTIVES)
  .map(([name, value]) => `${name} ${value}`)
  .join('; ');
const connectSrc = `connect-src 'self' ${RD_CONNECT_SOURCES.join(' ')}`;

export function pageCsp(nonce: string, { dev = false }: { dev?: boolean } = {}): string {
  // React needs eval only in development, for its error overlays; the dev server's reload socket too.
  const scriptSrc = `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`;
  return `default-src 'self'; ${scriptSrc}; ${fixedPart}; ${connectSrc}${dev ? ' ws:' : ''}`;
}

/** 128 random bits, base64: unguessable per response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
