'use client';

import { useCallback, useState } from 'react';

export type LocationState = { kind: 'idle' } | { kind: 'asking' } | { kind: 'ok'; latlong: string } | { kind: 'denied' | 'timeout' | 'unavailable' };

/** The browser's position as Eko's "lat,long", asked for on the agent's click. */
export function useLocation() {
  const [state, setState] = useState<LocationState>({ kind: 'idle' });
  const ask = useCallback(() => {
    if (!('geolocation' in navigator)) return setState({ kind: 'unavailable' });
    setState({ kind: 'asking' });
    navigator.geolocation.getCurrentPosition(
      (pos) => setState({ kind: 'ok', latlong: `${pos.coords.latitude.toFixed(6)},${pos.coords.longitude.toFixed(6)}` }),
      (err) => setState({ kind: err.code === err.PERMISSION_DENIED ? 'denied' : err.code === err.TIMEOUT ? 'timeout' : 'unavailable' }),
      // A shop does not move: a fix from the last 10 minutes will do, and slow GPS must not hang the flow.
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 10 * 60_000 },
    );
  }, []);
  return { state, ask };
}
