import clsx from 'clsx';
import Link from 'next/link';
import type { ComponentProps } from 'react';

type Variant = 'primary' | 'secondary' | 'ghost';

const styles: Record<Variant, string> = {
  primary: 'bg-brand-600 text-white hover:bg-brand-700',
  secondary: 'border border-slate-400 bg-white text-slate-900 hover:bg-slate-100',
  ghost: 'text-brand-700 underline underline-offset-4 hover:bg-brand-50',
};

/**
 * A link that looks like a Button: a place to go (its own URL), not an action on this page.
 * It does not prefetch unless asked: every page here is rendered per request for the signed-in
 * agent, and prefetching each one in view costs the agent's data and the tablet's main thread on
 * every load (see the site header).
 */
export function LinkButton({ variant = 'secondary', className, prefetch = false, ...props }: ComponentProps<typeof Link> & { variant?: Variant }) {
  return (
    <Link
      prefetch={prefetch}
      className={clsx(
        'inline-flex min-h-touch min-w-touch items-center justify-center gap-2 rounded-lg px-4 py-2 text-base font-semibold transition-colors',
        styles[variant],
        className,
      )}
      {...props}
    />
  );
}
