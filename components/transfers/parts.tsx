'use client';

import { useEffect, useState } from 'react';
import { ApiClientError } from '@/lib/api/client';

/** The code of a failed call, as a plain string: the money codes are the lead's table's, compared by name. */
export const errorCode = (error: unknown): string => (error instanceof ApiClientError ? error.code : 'network');

/** The clock, ticking every `everyMs` (ages, the OTP resend wait). */
export function useNow(everyMs = 1000) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
