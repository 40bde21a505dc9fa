import { createRdSandbox, RD_SCENARIOS, type RdScenario } from './server';

// `npm run sandbox:rd` – the RD service stand-in (npm start launches it in sandbox mode).
const scenario = (process.env.RD_SANDBOX_SCENARIO ?? 'ready') as RdScenario;
if (!RD_SCENARIOS.includes(scenario)) {
  console.error(`RD_SANDBOX_SCENARIO must be one of ${RD_SCENARIOS.join(', ')}`);
  process.exit(2);
}
const sandbox = createRdSandbox({
  scenario,
  port: Number(process.env.RD_SANDBOX_PORT ?? 11100),
  controlPort: Number(process.env.RD_SANDBOX_CONTROL_PORT ?? 11290),
  timeoutDelayMs: Number(process.env.RD_SANDBOX_TIMEOUT_DELAY_MS ?? 1500),
});
sandbox
  .listen()
  .then(() => {
    const { port, otherPort, controlPort } = sandbox.ports;
    console.log(`[rd-sandbox] device on 127.0.0.1:${port} (other_port scenario: ${otherPort}); control on 127.0.0.1:${controlPort}; scenario ${scenario}`);
  })
  .catch((err: NodeJS.ErrnoException) => {
    console.error(`[rd-sandbox] cannot listen: ${err.code ?? err.message}`);
    process.exit(1);
  });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void sandbox.close().then(() => process.exit(0)));
