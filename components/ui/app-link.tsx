'use client';

import { useRouter } from 'next/navigation';
import type { AnchorHTMLAttributes, MouseEvent } from 'react';

export type AppLinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { href: string };

/** A click the browser should handle itself: a new tab or window, a download, another button. */
const leftToTheBrowser = (e: MouseEvent<HTMLAnchorElement>) =>
  e.defaultPrevented ||
  e.button !== 0 ||
  e.metaKey ||
  e.ctrlKey ||
  e.shiftKey ||
  e.altKey ||
  (e.currentTarget.target && e.currentTarget.target !== '_self') ||
  e.currentTarget.hasAttribute('download') ||
  e.currentTarget.origin !== window.location.origin;

/**
 * The app's link to one of its own pages: a real `<a href>` (it works before the page's script has
 * run, and opens in a new tab like any link), and a plain click navigates in place through the
 * router instead of loading the whole document again.
 *
 * Why not next/link: its component and its helpers are 3.5 KiB gzip of every page's first load
 * (issue 16, measured module by module), and what they add over this is prefetching, which no
 * page here wants: each page is rendered per request for the signed-in agent, and prefetching
 * every page in view cost the agent's data and the tablet's main thread on every load.
 * ESLint keeps next/link out (eslint.config.mjs).
 */
export function AppLink({ href, onClick, ...props }: AppLinkProps) {
  const router = useRouter();
  return (
    <a
      href={href}
      onClick={(e) => {
        onClick?.(e);
        if (leftToTheBrowser(e)) return;
        e.preventDefault();
        router.push(href);
      }}
      {...props}
    />
  );
}
