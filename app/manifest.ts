import type { MetadataRoute } from 'next';
import { en } from '@/lib/i18n/en';

// Installability (stack.md §2.3): id, start_url, scope, standalone, icons 192/512 + maskable.
// The manifest is fetched without cookies, so it is in English; the brand name reads the same in
// both languages, and the app itself follows the agent's language.
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: '/',
    name: en['app.name'],
    short_name: en['app.name'],
    description: en['app.tagline'],
    lang: 'en-IN',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'any',
    theme_color: '#174c9c',
    background_color: '#ffffff',
    categories: ['finance', 'business'],
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
    shortcuts: [
      {
        name: en['manifest.shortcut.senders'],
        short_name: en['nav.senders'],
        url: '/senders',
        icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }],
      },
      {
        name: en['manifest.shortcut.dailyAuth'],
        short_name: en['nav.aeps'],
        url: '/aeps',
        icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }],
      },
    ],
  };
}
