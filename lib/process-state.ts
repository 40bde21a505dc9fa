// What a process computes once and keeps: the parsed configuration, keys, limiters, connections.
// Each module that keeps such a value registers, under a name, how to let it go. Test set-ups that
// change the environment in mid-process (test/) call forget(); nothing in the app does.

export type ProcessStateName = 'config' | 'transportKey' | 'ekoAadhaarKey' | 'deviceKey' | 'rateLimiters' | 'reconciler';

const forgetters = new Map<ProcessStateName, () => void | Promise<void>>();

export function onForget(name: ProcessStateName, forgetIt: () => void | Promise<void>): void {
  forgetters.set(name, forgetIt);
}

/**
 * Drops the named values (a module not loaded yet has nothing to drop); the next use rebuilds them.
 * Every forgetter runs at once; the promise settles when the asynchronous ones (connections) have.
 */
export function forget(...names: ProcessStateName[]): Promise<void> {
  return Promise.all(names.map((name) => forgetters.get(name)?.())).then(() => undefined);
}
