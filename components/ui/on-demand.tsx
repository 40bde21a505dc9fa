'use client';

import { type ComponentType, type JSX, lazy, Suspense, useSyncExternalStore } from 'react';
import type { MessageKey } from '@/lib/i18n/core';
import { useI18n } from '@/components/i18n/i18n-provider';
import { Alert } from './alert';
import { Button } from './button';
import { Spinner } from './spinner';

/**
 * A component whose code is fetched when it first renders, or earlier through `preload` (when the
 * pointer or focus reaches the button that opens it, or a step before it shows): for parts only
 * some loads need, so that the others do not download and run them (issue 16, part 2). Until it
 * arrives `Fallback` stands in (nothing without one). Declare it once per module, at the top.
 *
 * If the code cannot be fetched (the signal dropped), the part says so in its place, with a way
 * to try again; the rest of the page, and what the page holds in its state, stay as they are.
 *
 * Each use costs its page about a hundred bytes (the wrapper and the chunk's address), so parts
 * of one screen share one module. What must be seen at once stays outside it: a "do not pay
 * again" is drawn by its caller, and only the list under it waits.
 */
export function onDemand<Props extends object>(load: () => Promise<ComponentType<Props>>, Fallback?: ComponentType) {
  // One fetch however often it is asked for (a preload on every keystroke); a failed one is
  // forgotten, so the next attempt fetches again.
  let loading: Promise<ComponentType<Props>> | null = null;
  const get = () =>
    (loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    }));

  // A new lazy component on "Try again": React keeps a lazy whose load failed failed.
  const listeners = new Set<() => void>();
  const make = () =>
    lazy(() =>
      get().then(
        (component) => ({ default: component }),
        () => ({ default: Unavailable as ComponentType<Props> }),
      ),
    );
  let Part = make();
  const retry = () => {
    Part = make();
    listeners.forEach((listener) => listener());
  };
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const current = () => Part;

  function Unavailable() {
    const { t } = useI18n();
    return (
      <Alert tone="error" testId="part-unavailable">
        <p>{t('ondemand.unavailable')}</p>
        <Button variant="secondary" className="mt-3" onClick={retry}>
          {t('common.retry')}
        </Button>
      </Alert>
    );
  }

  function OnDemand(props: Props) {
    const Current = useSyncExternalStore(subscribe, current, current);
    return (
      <Suspense fallback={Fallback ? <Fallback /> : null}>
        <Current {...(props as Props & JSX.IntrinsicAttributes)} />
      </Suspense>
    );
  }
  OnDemand.preload = () => void get().catch(() => undefined);
  return OnDemand;
}

/** A Fallback for onDemand: a spinner saying what is opening. */
export const opening = (label: MessageKey) =>
  function Opening() {
    const { t } = useI18n();
    return <Spinner label={t(label)} />;
  };
