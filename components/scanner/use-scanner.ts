'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { assessCapture, type CaptureAssessment } from '@/lib/rd/capture';
import { loopbackPermission } from '@/lib/rd/http-provider';
import { telemetryCode } from '@/lib/rd/messages';
import { buildPidOptions, type CapturePurpose } from '@/lib/rd/pid-options';
import { rdProvider } from '@/lib/rd/provider';
import { RdError } from '@/lib/rd/types';

export type ScannerState =
  | { kind: 'idle' }
  | { kind: 'searching' }
  | { kind: 'ready'; info: string; model: string | null; android: boolean }
  | { kind: 'not_ready' | 'in_use'; info: string }
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

  const connect = useCallback(async () => {
    setState({ kind: 'searching' });
    const provider = rdProvider();
    try {
      const found = await provider.discover();
      if (found.kind === 'none') {
        reportDeviceError('not_found', stage);
        return setState({ kind: 'none' });
      }
      const { status, info } = found.scanner;
      if (status === 'READY') {
        model.current = (await provider.deviceInfo())?.mi || null;
        return setState({ kind: 'ready', info, model: model.current, android: provider.kind === 'android' });
      }
      reportDeviceError(status === 'USED' ? 'in_use' : 'not_ready', stage);
      setState({ kind: status === 'USED' ? 'in_use' : 'not_ready', info });
    } catch (err) {
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
        if (error.code === 'not_ready' || error.code === 'in_use') setState({ kind: error.code, info: '' });
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
