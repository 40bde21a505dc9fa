import { SANDBOX_CREDENTIALS } from '../../lib/config/schema';
import type { EkoConfig } from '../../lib/config/schema';
import { createEkoSandbox, type EkoSandbox } from './server';

/** A sandbox on an ephemeral loopback port, plus the matching client configuration. */
export async function startTestSandbox(overrides: Partial<EkoConfig> = {}): Promise<{ sandbox: EkoSandbox; config: EkoConfig }> {
  const sandbox = createEkoSandbox({ credentials: SANDBOX_CREDENTIALS });
  const baseUrl = await sandbox.listen(0);
  return {
    sandbox,
    config: {
      baseUrl,
      developerKey: SANDBOX_CREDENTIALS.developerKey,
      accessKey: SANDBOX_CREDENTIALS.accessKey,
      initiatorId: SANDBOX_CREDENTIALS.initiatorId,
      timeoutMs: 1500,
      ...overrides,
    },
  };
}
