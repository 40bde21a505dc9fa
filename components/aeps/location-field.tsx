'use client';

import { Button } from '@/components/ui/button';
import { useI18n } from '@/components/i18n/i18n-provider';
import type { LocationState } from './use-location';

export function LocationField({ state, onAsk }: { state: LocationState; onAsk: () => void }) {
  const { t } = useI18n();
  const problem = state.kind === 'denied' || state.kind === 'timeout' || state.kind === 'unavailable';
  return (
    <fieldset className="rounded-lg border border-slate-300 p-4" data-testid="location" data-state={state.kind}>
      <legend className="px-1 font-semibold">{t('location.label')}</legend>
      <p className="text-sm text-slate-700">{t('location.why')}</p>
      <p role="status" aria-live="polite" className={problem ? 'mt-2 font-medium text-red-700' : 'mt-2'}>
        {state.kind === 'asking' && t('location.asking')}
        {state.kind === 'ok' && t('location.ok')}
        {problem && t(`location.${state.kind}`)}
      </p>
      {state.kind !== 'ok' && (
        <Button variant="secondary" className="mt-2" onClick={onAsk} disabled={state.kind === 'asking'}>
          {t('location.share')}
        </Button>
      )}
    </fieldset>
  );
}
