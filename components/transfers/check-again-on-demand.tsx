'use client';

import { onDemand } from '@/components/ui/on-demand';
import { waitingButton } from '@/components/ui/waiting-button';

/**
 * "Check status again" for the history's and the status page's pending transfers: only some are
 * pending, and its code carries react-query's mutation code, which those pages need for nothing else.
 */
export const CheckAgainOnDemand = onDemand(() => import('./check-again').then((m) => m.CheckAgainButton), waitingButton('transfer.checkAgain'));
