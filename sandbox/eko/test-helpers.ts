import { afterAll, beforeAll, beforeEach } from 'vitest';
import { resetConfigForTests } from '../../lib/config';
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

/**
 * For route-handler tests: an Eko sandbox on an ephemeral port that the app's configuration points
 * at (sandbox mode), reset before each test.
 */
export function useEkoSandbox(): { sandbox: () => EkoSandbox } {
  let sandbox: EkoSandbox | undefined;
  beforeAll(async () => {
    const started = await startTestSandbox();
    sandbox = started.sandbox;
    process.env.EKO_SANDBOX_URL = started.config.baseUrl;
    process.env.EKO_TIMEOUT_MS = String(started.config.timeoutMs);
    delete process.env.EKO_BASE_URL;
    resetConfigForTests();
  });
  afterAll(() => sandbox?.close());
  beforeEach(() => sandbox?.reset());
  return { sandbox: () => sandbox! };
}
