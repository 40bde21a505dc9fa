import clsx from 'clsx';
import type { ReactNode } from 'react';

type Tone = 'error' | 'info' | 'success' | 'warning';

const tones: Record<Tone, string> = {
  error: 'border-red-700 bg-red-50 text-red-900',
  info: 'border-brand-600 bg-brand-50 text-slate-900',
  success: 'border-green-700 bg-green-50 text-green-900',
  warning: 'border-amber-600 bg-amber-50 text-amber-950',
};

/** Errors are announced assertively; everything else politely. */
export function Alert({ tone, children, className, testId }: { tone: Tone; children: ReactNode; className?: string; testId?: string }) {
  return (
    <div data-testid={testId} role={tone === 'error' ? 'alert' : 'status'} className={clsx('rounded-lg border-l-4 p-4 text-base', tones[tone], className)}>
      {children}
    </div>
  );
}
