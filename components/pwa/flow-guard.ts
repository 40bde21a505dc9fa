'use client';

import { useEffect, useSyncExternalStore } from 'react';

// Which flows are mid-way (an Aadhaar number typed, a fingerprint captured, an OTP awaited). The
// "new version" prompt waits while any is: reloading then would throw away a capture that cannot
// be sent twice.

let active = 0;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((listener) => listener());

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Marks the calling flow as in progress while `inProgress` is true (and it is mounted). */
export function useFlowInProgress(inProgress: boolean): void {
  useEffect(() => {
    if (!inProgress) return;
    active += 1;
    emit();
    return () => {
      active -= 1;
      emit();
    };
  }, [inProgress]);
}

export function useAnyFlowInProgress(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => active > 0,
    () => false,
  );
}
