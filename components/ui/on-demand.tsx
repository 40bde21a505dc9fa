'use client';

import { type ComponentType, type JSX, lazy, Suspense } from 'react';
import type { MessageKey } from '@/lib/i18n/core';
import { useI18n } from '@/components/i18n/i18n-provider';
import { Spinner } from './spinner';

/**
 * A component whose code is fetched when it first renders, or earlier through `preload` (when the
 * pointer or focus reaches the button that opens it, or a step before it shows): for parts only
 * some loads need, so that the others do not download and run them (issue 16, part 2). Until it
 * arrives `Fallback` stands in (nothing without one). Declare it once per module, at the top.
 *
 * Each use costs its page a few hundred bytes (the wrapper and the part's chunk list), so it is for
 * parts of a kilobyte or more. What must be seen at once stays outside it: a "do not pay again"
 * is shown by its caller, and only the list under it waits.
 */
export function onDemand<Props extends object>(load: () => Promise<ComponentType<Props>>, Fallback?: ComponentType) {
  const Part = lazy(() => load().then((component) => ({ default: component })));
  function OnDemand(props: Props) {
    return (
      <Suspense fallback={Fallback ? <Fallback /> : null}>
        <Part {...(props as Props & JSX.IntrinsicAttributes)} />
      </Suspense>
    );
  }
  OnDemand.preload = () => void load().catch(() => undefined);
  return OnDemand;
}

/** A Fallback for onDemand: a spinner saying what is opening. */
export const opening = (label: MessageKey) =>
  function Opening() {
    const { t } = useI18n();
    return <Spinner label={t(label)} />;
  };
