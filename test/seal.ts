import type { SealUse } from '@/lib/aadhaar/seal';
import { issueSealNonce } from '@/lib/aadhaar/seal-nonce';
import { sealWithOffer } from '@/lib/aadhaar/transport-client';
import { transportKey } from '@/lib/aadhaar/transport-server';

// For tests that need a valid seal but are not about sealing: what the browser sends, made with
// the current key and a nonce issued to `agent` (the tests of the binding itself get their nonce
// from the real key endpoint: app/api/senders/[mobile]/ekyc/route.test.ts, app/api/aeps/aeps.test.ts).

export function sealForTests(aadhaar: string, use: SealUse, agent: { id: string }): Promise<string> {
  return sealWithOffer(aadhaar, use, { jwk: transportKey().jwk, nonce: issueSealNonce(agent.id) });
}
