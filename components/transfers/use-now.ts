'use client';

import { useEffect, useState } from 'react';

/** The clock, ticking every `everyMs` (ages, the OTP resend wait). */
export function useNow(everyMs = 1000) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
