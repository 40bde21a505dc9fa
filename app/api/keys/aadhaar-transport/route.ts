import { transportKey } from '@/lib/aadhaar/transport-server';
import { route } from '@/lib/api/handler';

// GET /api/keys/aadhaar-transport – the public JWK the browser encrypts Aadhaar numbers to
export const GET = route({
  access: 'agent',
  handler: async () => ({ jwk: transportKey().jwk }),
});
