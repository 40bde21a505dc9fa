'use client';

import { useRef, useState } from 'react';

/**
 * A call sent one at a time: a double click or a second Enter while the first is on its way sends
 * nothing (`run` answers null), so one tap is one OTP SMS, one transfer, one refund, one AePS
 * transaction. Nothing of it is kept (no mutation cache holding its variables, which carry an OTP
 * or a sealed Aadhaar); the caller keeps the answer or the error it needs.
 */
export function useOneAtATime<Input, Output>(call: (input: Input) => Promise<Output>, onDone: (output: Output) => void) {
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const run = async (input: Input): Promise<Output | null> => {
    if (inFlight.current) return null;
    inFlight.current = true;
    setBusy(true);
    try {
      const output = await call(input);
      onDone(output);
      return output;
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };
  return { run, busy };
}
