import type { ReactNode } from 'react';

// The benchmark's control (scripts/bench.ts): a second root layout, so the page under it carries
// nothing of the app's shell (no providers, no catalogue, no stylesheet, no service worker). What
// Lighthouse gives it on the same `next start` in the same run is what a bare Next page scores on
// that machine at that moment; the agent pages are measured against it.
export default function ControlLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
