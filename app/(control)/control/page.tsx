import type { Metadata } from 'next';
import { connection } from 'next/server';

export const metadata: Metadata = { title: 'Control' };

// Rendered per request like the agent pages (and so given the CSP nonce by proxy.ts), not
// prerendered: a static page would be served without its scripts' nonce and never hydrate.
export default async function ControlPage() {
  await connection();
  return (
    <main>
      <h1>Control</h1>
      <p>A bare page for the benchmark to compare the agent pages with.</p>
    </main>
  );
}
