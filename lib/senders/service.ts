import 'server-only';
import type { AgentContext } from '@/lib/auth/agent';
import { callEkoAs } from '@/lib/audit/eko-call';
import { ekoEndpoints } from '@/lib/eko/endpoints';
import { ekoErrorOf } from '@/lib/eko/failures';
import type { OnboardSenderInput } from '@/lib/schemas/sender';
import type { OnboardingOutcome, Sender } from './types';

export async function lookupSender(agent: AgentContext, mobile: string): Promise<Sender> {
  const result = await callEkoAs(
    agent,
    ekoEndpoints.getSender,
    { path: { customerId: mobile }, body: {} },
    { senderMobile: mobile, describe: (sender) => sender.state },
  );
  if (!result.ok) throw ekoErrorOf(result);
  return result.value;
}

/** Onboard Sender is not idempotent: sent once; a timeout tells the agent to search before retrying. */
export async function onboardSender(agent: AgentContext, mobile: string, input: OnboardSenderInput): Promise<OnboardingOutcome> {
  const { line, city, state, pincode, district, area } = input.address;
  const result = await callEkoAs(
    agent,
    ekoEndpoints.onboardSender,
    {
      path: { customerId: mobile },
      body: { name: input.name, dob: input.dob, residence_address: JSON.stringify({ line, city, state, pincode, district, area }) },
    },
    { senderMobile: mobile, describe: (outcome) => outcome },
  );
  if (result.ok) return result.value;
  throw ekoErrorOf(result);
}
