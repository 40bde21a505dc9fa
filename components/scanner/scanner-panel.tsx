'use client';

import clsx from 'clsx';
import { Button } from '@/components/ui/button';
import { useI18n } from '@/components/i18n/i18n-provider';
import { RD_PORTS } from '@/lib/rd/discovery';
import type { ScannerState } from './use-scanner';

const HELP = [
  'scanner.help.mantra',
  'scanner.help.morpho',
  'scanner.help.startek',
  'scanner.help.secugen',
  'scanner.help.precision',
  'scanner.help.android',
  'scanner.help.register',
] as const;

export function ScannerPanel({ state, onConnect }: { state: ScannerState; onConnect: () => void }) {
  const { t } = useI18n();
  const tone =
    state.kind === 'ready'
      ? 'border-green-700 bg-green-50'
      : state.kind === 'searching' || state.kind === 'idle'
        ? 'border-slate-400 bg-white'
        : 'border-amber-600 bg-amber-50';
  return (
    <section aria-labelledby="scanner-title" className={clsx('rounded-lg border-l-4 p-4', tone)} data-testid="scanner-panel" data-state={state.kind}>
      <h3 id="scanner-title" className="font-semibold">
        {t('scanner.title')}
      </h3>
      <div role="status" aria-live="polite" className="mt-1">
        {state.kind === 'idle' && <p>{t('scanner.idle')}</p>}
        {state.kind === 'searching' && <p>{t('scanner.searching')}</p>}
        {state.kind === 'ready' && (
          <p>
            {t('scanner.ready', { info: state.info })}
            {state.model && <span className="block text-sm text-slate-700">{t('scanner.readyModel', { model: state.model })}</span>}
            {state.android && <span className="block text-sm text-slate-700">{t('scanner.android')}</span>}
          </p>
        )}
        {(state.kind === 'not_ready' || state.kind === 'in_use' || state.kind === 'blocked' || state.kind === 'none') && <p>{t(`scanner.${state.kind}`)}</p>}
      </div>
      {state.kind !== 'ready' && state.kind !== 'searching' && (
        <Button variant="secondary" className="mt-3" onClick={onConnect}>
          {state.kind === 'idle' ? t('scanner.connect') : t('scanner.retry')}
        </Button>
      )}
      <details className="mt-3">
        <summary className="inline-flex min-h-touch cursor-pointer items-center font-semibold text-brand-700">{t('scanner.help.title')}</summary>
        <Endpoint state={state} />
        <p className="mt-2 text-sm">{t('scanner.help.intro')}</p>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
          {HELP.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}

/** Which port and protocol the scanner answered on (or that none did): what a support call asks first. */
function Endpoint({ state }: { state: ScannerState }) {
  const { t } = useI18n();
  const where = 'where' in state ? state.where : null;
  let text: string | null = null;
  if (where?.kind === 'http') text = t('scanner.help.endpoint', { port: where.port, scheme: where.scheme });
  else if (where?.kind === 'android') text = t('scanner.help.endpointAndroid', { package: where.package || '—' });
  else if (state.kind === 'none') text = t('scanner.help.endpointNone', { first: RD_PORTS[0]!, last: RD_PORTS.at(-1)! });
  if (!text) return null;
  return (
    <p className="mt-2 text-sm font-medium" data-testid="scanner-endpoint">
      {text}
    </p>
  );
}
