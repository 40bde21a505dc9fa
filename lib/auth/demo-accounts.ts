import { SANDBOX_CREDENTIALS } from '@/lib/config/schema';

/** Created on first start in sandbox mode only, and shown on the login page for training. */
export const DEMO_ACCOUNTS = {
  admin: { role: 'admin', name: 'Demo Admin', mobile: '9999900001', password: 'admin-demo-1', ekoUserCode: null },
  agent: { role: 'agent', name: 'Demo Agent', mobile: '9999900002', password: 'agent-demo-1', ekoUserCode: SANDBOX_CREDENTIALS.userCode },
} as const;
