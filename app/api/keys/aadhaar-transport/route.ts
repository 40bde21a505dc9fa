import type { TransportKeyOffer } from '@/lib/aadhaar/transport-client';
import { issueSealNonce } from '@/lib/aadhaar/seal-nonce';
import { transportKey } from '@/lib/aadhaar/transport-server';
import { route } from '@/lib/api/handler';

// GET /api/keys/aadhaar-transport – the current public JWK the browser encrypts Aadhaar numbers
// to, and a fresh nonce issued to the signed-in agent to seal with it (lib/aadhaar/seal.ts)
export const GET = route({
  access: 'agent',
  handler: async ({ user }) => ({ jwk: transportKey().jwk, nonce: issueSealNonce(user.id) }) satisfies TransportKeyOffer,
});
