'use client';

import { ErrorPanel } from '@/components/layout/error-panel';

// Page errors keep the header and its <main>.
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel reset={reset} digest={error.digest} />;
}
