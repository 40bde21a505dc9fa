import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { Suspense } from 'react';
import { SandboxBanner } from '@/components/layout/sandbox-banner';
import { SiteHeader } from '@/components/layout/site-header';
import { Providers } from '@/components/providers';
import { DEFAULT_LOCALE, translate } from '@/lib/i18n';
import './globals.css';

export const metadata: Metadata = {
  title: { default: translate(DEFAULT_LOCALE, 'app.name'), template: `%s · ${translate(DEFAULT_LOCALE, 'app.name')}` },
  description: translate(DEFAULT_LOCALE, 'app.tagline'),
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#174c9c' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
          {translate(DEFAULT_LOCALE, 'app.skipToContent')}
        </a>
        <Suspense fallback={null}>
          <SandboxBanner />
        </Suspense>
        <Providers>
          <SiteHeader />
          <main id="main" className="mx-auto w-full max-w-6xl px-4 py-6">
            {children}
          </main>
        </Providers>
      </body>
    </html>
  );
}
