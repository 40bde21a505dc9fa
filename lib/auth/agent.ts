import { ApiError } from '@/lib/api/errors';
import type { SessionUser } from './current-user';

/** What an Eko call needs to know about the agent it is made for. */
export interface AgentContext {
  id: string;
  userCode: string;
  /** The agent's own mobile: AePS calls send it as customer_id (the OTP goes there). */
  mobile: string;
}

/** The agent an Eko call is made for; admins never call Eko. */
export function agentOf(user: SessionUser): AgentContext {
  if (user.role !== 'agent' || !user.ekoUserCode) throw new ApiError('forbidden');
  return { id: user.id, userCode: user.ekoUserCode, mobile: user.mobile };
}
