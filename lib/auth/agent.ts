import 'server-only';
import { getConfig } from '@/lib/config';

export interface AgentContext {
  /** The agent's Eko user_code: every Eko call is made for one agent. */
  userCode: string;
}

/**
 * Who the request acts for. Until accounts and sessions land (part 2 of 6) the agent comes from
 * configuration (EKO_USER_CODE, or the sandbox agent); this is the one place that knows it.
 */
export async function currentAgent(_req: Request): Promise<AgentContext> {
  return { userCode: getConfig().defaultUserCode };
}
