'use client';

import { useState } from 'react';
import type { MessageKey } from '@/lib/i18n/core';
import { parsePidResponse } from '@/lib/rd/parse';
import type { CapturePurpose } from '@/lib/rd/pid-options';
import { rdErrorMessage } from '@/lib/rd/messages';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useI18n } from '@/components/i18n/i18n-provider';
import { ScannerPanel } from '@/components/scanner/scanner-panel';
import { useScanner } from '@/components/scanner/use-scanner';

type Notice = { tone: 'error' | 'warning' | 'info'; key: MessageKey; vars?: Record<string, string | number> };

/**
 * Finds the scanner, captures once per click, applies the quality gate, hands good PID upward.
 * `minNmPoints` (a cash withdrawal): the gate is strict, with no "use it anyway", and a finger
 * with fewer minutiae is captured again.
 */
export function CaptureStep({
  purpose,
  stage,
  onCaptured,
  notice,
  minNmPoints,
  instructions = 'capture.instructions',
}: {
  purpose: CapturePurpose;
  stage: string;
  onCaptured: (pidData: string) => void;
  notice?: Notice | null;
  minNmPoints?: number;
  /** Whose finger it is (the sender's by default). */
  instructions?: MessageKey;
}) {
  const { t } = useI18n();
  const scanner = useScanner(stage);
  const [result, setResult] = useState<Notice | null>(null);
  const [lowQualityPid, setLowQualityPid] = useState<string | null>(null);

  const capture = async () => {
    setResult(null);
    setLowQualityPid(null);
    try {
      const assessment = await scanner.capture(purpose);
      const strict = minNmPoints !== undefined;
      if (assessment.kind === 'good') {
        const minutiae = parsePidResponse(assessment.pidData)?.nmPoints ?? [];
        if (strict && minutiae.length > 0 && Math.min(...minutiae) < minNmPoints) {
          return setResult({ tone: 'error', key: 'capture.fewMinutiae', vars: { points: Math.min(...minutiae), min: minNmPoints } });
        }
        return onCaptured(assessment.pidData);
      }
      if (assessment.kind === 'low_quality' && strict)
        return setResult({ tone: 'error', key: 'capture.lowQuality.strict', vars: { quality: assessment.quality } });
      if (assessment.kind === 'low_quality') {
        setLowQualityPid(assessment.pidData);
        return setResult({ tone: 'warning', key: 'capture.lowQuality', vars: { quality: assessment.quality } });
      }
      setResult({ tone: 'error', key: 'capture.tooPoor', vars: { quality: assessment.quality } });
    } catch (err) {
      const { key, vars } = rdErrorMessage(err);
      setResult({ tone: 'error', key, vars });
    }
  };

  const shown = result ?? notice ?? null;
  return (
    <div className="flex flex-col gap-4">
      <ScannerPanel state={scanner.state} onConnect={() => void scanner.connect()} />
      <p>{t(instructions)}</p>
      {shown && (
        <Alert tone={shown.tone} testId="capture-notice">
          {t(shown.key, shown.vars)}
        </Alert>
      )}
      <div className="flex flex-wrap gap-3">
        <Button onClick={() => void capture()} disabled={scanner.state.kind !== 'ready' || scanner.capturing}>
          {scanner.capturing ? t('capture.working') : lowQualityPid ? t('capture.again') : t('capture.button')}
        </Button>
        {lowQualityPid && (
          <Button
            variant="secondary"
            onClick={() => {
              const pid = lowQualityPid;
              setLowQualityPid(null);
              onCaptured(pid);
            }}
          >
            {t('capture.useAnyway')}
          </Button>
        )}
      </div>
    </div>
  );
}
