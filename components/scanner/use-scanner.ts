'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { assessCapture, type CaptureAssessment } from '@/lib/rd/capture';
import { loopbackPermission } from '@/lib/rd/http-provider';
import { telemetryCode } from '@/lib/rd/messages';
import { buildPidOptions, type CapturePurpose } from '@/lib/rd/pid-options';
import { rdProvider } from '@/lib/rd/provider';
import { RdError, type ScannerEndpoint } from '@/lib/rd/types';

export type ScannerState =
  | { kind: 'idle' }
  | { kind: 'searching' }
  /** `model` is null until DEVICEINFO answers (or if it never does): READY does not wait for it. */
  | { kind: 'ready'; info: string; model: string | null; android: boolean; where: ScannerEndpoint }
  /** `where` is null when a capture, not a discovery, found the scanner not ready or in use. */
  | { kind: 'not_ready' | 'in_use'; info: string; where: ScannerEndpoint | null }
  | { kind: 'blocked' }
  | { kind: 'none' };

/** Failed captures are reported for the admin's device-error view: codes only, never PID. */
export function reportDeviceError(errCode: string, stage: string, deviceModel?: string | null) {
  void fetch('/api/telemetry/device-errors', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ errCode, stage, ...(deviceModel ? { deviceModel } : {}) }),
    keepalive: true,
  }).catch(() => undefined);
}

export function useScanner(stage: string) {
  const [state, setState] = useState<ScannerState>({ kind: 'searching' });
  const [capturing, setCapturing] = useState(false);
  const model = useRef<string | null>(null);
  /** Bumped by every discovery, so a late DEVICEINFO answer from an earlier one is dropped. */
  const generation = useRef(0);

  const connect = useCallback(async () => {
    const current = ++generation.current;
    model.current = null;
    setState({ kind: 'searching' });
    const provider = rdProvider();
    try {
      const found = await provider.discover();
      if (current !== generation.current) return;
      if (found.kind === 'none') {
        reportDeviceError('not_found', stage);
        return setState({ kind: 'none' });
      }
      const { status, info, where } = found.scanner;
      if (status === 'READY') {
        setState({ kind: 'ready', info, model: null, android: provider.kind === 'android', where });
        // The model is a detail for the panel and the device-error report; the capture does not need it.
        void provider.deviceInfo().then(
          (device) => {
            const mi = device?.mi || null;
            if (!mi || current !== generation.current) return;
            model.current = mi;
            setState((s) => (s.kind === 'ready' ? { ...s, model: mi } : s));
          },
          () => undefined,
        );
        return;
      }
      reportDeviceError(status === 'USED' ? 'in_use' : 'not_ready', stage);
      setState({ kind: status === 'USED' ? 'in_use' : 'not_ready', info, where });
    } catch (err) {
      if (current !== generation.current) return;
      if (err instanceof RdError && err.code === 'lna_denied') {
        reportDeviceError('lna_denied', stage);
        return setState({ kind: 'blocked' });
      }
      setState({ kind: 'none' });
    }
  }, [stage]);

  useEffect(() => {
    let cancelled = false;
    // While the browser would prompt, wait for the agent's click: a prompt on page load confuses.
    // Pages served from loopback themselves are never gated.
    const servedLocally = ['localhost', '127.0.0.1', '[::1]'].includes(window.location.hostname);
    void loopbackPermission().then((permission) => {
      if (cancelled) return;
      if (permission === 'prompt' && !servedLocally) setState({ kind: 'idle' });
      else void connect();
    });
    return () => {
      cancelled = true;
    };
  }, [connect]);

  /** One capture; throws RdError (already reported) or returns the quality-gated result. */
  const capture = useCallback(
    async (purpose: CapturePurpose): Promise<CaptureAssessment> => {
      setCapturing(true);
      try {
        const assessment = assessCapture(await rdProvider().capture(buildPidOptions({ purpose })));
        if (assessment.kind === 'too_poor') reportDeviceError('poor_quality', stage, model.current);
        return assessment;
      } catch (err) {
        const error = err instanceof RdError ? err : new RdError('bad_reply');
        reportDeviceError(telemetryCode(error), stage, model.current);
        if (error.code === 'not_ready' || error.code === 'in_use') {
          const kind = error.code;
          setState((s) => ({ kind, info: '', where: 'where' in s ? s.where : null }));
        }
        if (error.code === 'not_found') setState({ kind: 'none' });
        throw error;
      } finally {
        setCapturing(false);
      }
    },
    [stage],
  );

  return { state, capturing, connect, capture };
}
