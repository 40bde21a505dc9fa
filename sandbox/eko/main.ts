import { SANDBOX_CREDENTIALS, SANDBOX_EKO_PORT } from '../../lib/config/schema';
import { createEkoSandbox, type ResponseShape } from './server';

// `npm run sandbox:eko` – the Eko stand-in as its own process (npm start launches it in sandbox mode).
const port = Number(process.env.EKO_SANDBOX_PORT ?? SANDBOX_EKO_PORT);
const host = process.env.EKO_SANDBOX_HOST ?? '127.0.0.1';
const shape: ResponseShape = process.env.EKO_SANDBOX_SHAPE === 'seed' ? 'seed' : 'current';

const sandbox = createEkoSandbox({
  shape,
  credentials: {
    developerKey: process.env.EKO_SANDBOX_DEVELOPER_KEY ?? SANDBOX_CREDENTIALS.developerKey,
    accessKey: process.env.EKO_SANDBOX_ACCESS_KEY ?? SANDBOX_CREDENTIALS.accessKey,
    initiatorId: process.env.EKO_SANDBOX_INITIATOR_ID ?? SANDBOX_CREDENTIALS.initiatorId,
  },
});

sandbox
  .listen(port, host)
  .then((url) => console.log(`[eko-sandbox] listening on ${url} (${shape} shapes)`))
  .catch((err: NodeJS.ErrnoException) => {
    console.error(`[eko-sandbox] cannot listen on ${host}:${port}: ${err.code ?? err.message}`);
    process.exit(1);
  });

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void sandbox.close().then(() => process.exit(0)));
}
