import clsx from 'clsx';
import { AppLink, type AppLinkProps } from './app-link';

type Variant = 'primary' | 'secondary' | 'ghost';

const styles: Record<Variant, string> = {
  primary: 'bg-brand-600 text-white hover:bg-brand-700',
  secondary: 'border border-slate-400 bg-white text-slate-900 hover:bg-slate-100',
  ghost: 'text-brand-700 underline underline-offset-4 hover:bg-brand-50',
};

/**
 * A link that looks like a Button: a place to go (its own URL), not an action on this page.
 */
export function LinkButton({ variant = 'secondary', className, ...props }: AppLinkProps & { variant?: Variant }) {
  return (
    <AppLink
      className={clsx(
        'inline-flex min-h-touch min-w-touch items-center justify-center gap-2 rounded-lg px-4 py-2 text-base font-semibold transition-colors',
        styles[variant],
        className,
      )}
      {...props}
    />
  );
}
