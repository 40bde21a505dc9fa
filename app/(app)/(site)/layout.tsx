import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/layout/site-header';

// Every page but the offline fallback: the header knows who is signed in, and the offline page
// (precached by the service worker) must carry nothing of an agent.
export default function SiteLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto w-full max-w-6xl px-4 py-6 print:max-w-none print:p-0">
        {children}
      </main>
    </>
  );
}
