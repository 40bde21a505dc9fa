'use client';

import { ErrorPanel } from '@/components/layout/error-panel';

// Errors above the pages (the site layout itself): no header, so this brings its own <main>.
export default function RootError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="mx-auto w-full max-w-6xl px-4 py-6">
      <ErrorPanel reset={reset} digest={error.digest} />
    </main>
  );
}
