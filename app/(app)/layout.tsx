import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SandboxBanner } from '@/components/layout/sandbox-banner';
import { I18nProvider } from '@/components/i18n/i18n-provider';
import { ServiceWorker } from '@/components/pwa/service-worker';
import { messagesFor } from '@/lib/i18n';
import { serverI18n } from '@/lib/i18n/server';
import '../globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await serverI18n();
  return {
    title: { default: t('app.name'), template: `%s · ${t('app.name')}` },
    description: t('app.tagline'),
    icons: { apple: '/icons/apple-touch-icon.png' },
    appleWebApp: { capable: true, title: t('app.name') },
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#174c9c' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale, t } = await serverI18n();
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
          {t('app.skipToContent')}
        </a>
        {/* In the first bytes, not streamed in later: it is the first thing an agent should read. */}
        <SandboxBanner />
        <I18nProvider locale={locale} messages={messagesFor(locale)}>
          {children}
          <ServiceWorker />
        </I18nProvider>
      </body>
    </html>
  );
}
