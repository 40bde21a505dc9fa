'use client';

import { ErrorPanel } from '@/components/layout/error-panel';

// Page errors keep the header and its <main>.
export default function PageError({ reset }: { error: Error; reset: () => void }) {
  return <ErrorPanel reset={reset} />;
}
