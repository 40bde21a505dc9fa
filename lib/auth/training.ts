import 'server-only';
import { getConfig } from '@/lib/config';
import { DEMO_ACCOUNTS } from './demo-accounts';

// What pages may know of the mode the app runs in: whether it is the sandbox (the banner) and,
// there only, the published training accounts (the login page). Nothing else of the configuration.

export function isSandboxMode(): boolean {
  return getConfig().sandboxMode;
}

/** The training accounts to show on the login page: none outside sandbox mode. */
export function trainingAccounts() {
  return isSandboxMode() ? Object.values(DEMO_ACCOUNTS).map(({ role, mobile, password }) => ({ role, mobile, password })) : [];
}
