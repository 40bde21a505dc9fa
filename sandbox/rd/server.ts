import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Server, Socket } from 'node:net';
import { errorPidData, syntheticPidData } from './pid';
import { createRawHttpServer, type RawRequest, type RawResponse } from './raw-http';
import { SANDBOX_TLS_CERT, SANDBOX_TLS_KEY } from './tls';

// An RD service on 127.0.0.1 speaking the UIDAI RD 2.0 protocol (RDSERVICE, DEVICEINFO, CAPTURE),
// with CORS and the private-network preflight headers, and scenarios switchable at run time on a
// separate control port.

export const RD_SCENARIOS = ['ready', 'not_ready', 'in_use', 'timeout', 'low_quality', 'poor_quality', 'other_port', 'messy_paths'] as const;
export type RdScenario = (typeof RD_SCENARIOS)[number];

export interface RdSandboxOptions {
  port?: number;
  /** Where the device answers in the other_port scenario. */
  otherPort?: number;
  controlPort?: number;
  scenario?: RdScenario;
  /** How long the timeout scenario waits before answering 700 (real devices wait the PidOptions timeout). */
  timeoutDelayMs?: number;
  host?: string;
  /** Serve the device ports over https only (with the sandbox's self-signed certificate), as some drivers do. */
  https?: boolean;
}

interface CaptureRecord {
  at: string;
  /** null = no wadh attribute; '' = blank wadh. */
  wadh: string | null;
  errCode: string;
}

const INFO = 'Agent Desk Sandbox RD Service (practice only)';

function corsHeaders(req: RawRequest): Record<string, string> {
  const headers: Record<string, string> = {
    'Access-Control-Allow-Origin': req.headers.origin ?? '*',
    Vary: 'Origin',
    'Access-Control-Allow-Methods': 'RDSERVICE, DEVICEINFO, CAPTURE',
    'Access-Control-Allow-Headers': 'Content-Type',
    'Access-Control-Max-Age': '600',
  };
  // Private Network Access preflight (superseded by LNA, harmless to send).
  if (req.headers['access-control-request-private-network']) headers['Access-Control-Allow-Private-Network'] = 'true';
  return headers;
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const attr = (xml: string, name: string) => {
  const m = new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(xml);
  return m ? m[1]! : null;
};

/**
 * Where the device serves DEVICEINFO and CAPTURE. The messy_paths scenario serves neither at the
 * client's fallback paths (/rd/info, /rd/capture), so only a correctly read reply reaches them.
 */
function interfacePaths(scenario: RdScenario, listeningPort: number) {
  if (scenario === 'messy_paths') return { info: '/getDeviceInfo', capture: '/capture', advertised: null };
  // Morpho-style paths (host and port inside the path) in the other_port scenario.
  const prefix = scenario === 'other_port' ? `/127.0.0.1:${listeningPort}` : '';
  return { info: '/rd/info', capture: '/rd/capture', advertised: { info: `${prefix}/rd/info`, capture: `${prefix}/rd/capture` } };
}

function rdServiceReply(scenario: RdScenario, status: string, listeningPort: number): string {
  const advertised = interfacePaths(scenario, listeningPort).advertised;
  if (advertised) {
    return `<RDService status="${status}" info="${INFO}">\n  <Interface id="CAPTURE" path="${advertised.capture}" />\n  <Interface id="DEVICEINFO" path="${advertised.info}" />\n</RDService>`;
  }
  // What drivers in the field send: an XML declaration, the attributes in any order with either
  // quote, spaces around "=", a line break inside a tag, and paths with scheme (or only "://"),
  // host, port, stray spaces and doubled slashes.
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<RDService info='${INFO}' status = "${status}" >`,
    `\t<Interface path="  http://127.0.0.1:${listeningPort}  / capture" id='CAPTURE'/>`,
    `\t<Interface id="DEVICEINFO"`,
    `\t\tpath='  ://127.0.0.1 : ${listeningPort}//getDeviceInfo ' />`,
    `</RDService>`,
  ].join('\r\n');
}

function deviceInfoReply(scenario: RdScenario): string {
  if (scenario === 'messy_paths') {
    return `<?xml version="1.0"?>\r\n<DeviceInfo mi='SANDBOX-FP L1' dc="5a9d1c7e-0000-4b00-8000-sandbox00001" rdsVer='1.0.0' dpId = "AGENTDESK.SANDBOX" mc='U0FOREJPWC1DRVJU' rdsId="AGENTDESK.SANDBOX.WIN.001"><additional_info><Param name='srno' value="0001"/></additional_info></DeviceInfo>`;
  }
  return `<DeviceInfo dpId="AGENTDESK.SANDBOX" rdsId="AGENTDESK.SANDBOX.WIN.001" rdsVer="1.0.0" mi="SANDBOX-FP L1" mc="U0FOREJPWC1DRVJU" dc="5a9d1c7e-0000-4b00-8000-sandbox00001" />`;
}

export function createRdSandbox(options: RdSandboxOptions = {}) {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 11100;
  const otherPort = options.otherPort ?? 11107;
  const controlPort = options.controlPort ?? 11290;
  const timeoutDelay = options.timeoutDelayMs ?? 1500;
  const state = { scenario: options.scenario ?? ('ready' as RdScenario), captures: [] as CaptureRecord[], capturing: false };
  const sockets = new Set<Socket>();

  function deviceHandler(listeningPort: number) {
    return async (req: RawRequest): Promise<RawResponse> => {
      const here = state.scenario === 'other_port' ? listeningPort === otherPort : listeningPort === port;
      if (!here) return { status: 404, destroy: true }; // nothing listens here in this scenario
      const headers = corsHeaders(req);
      const xml = (text: string): RawResponse => ({ status: 200, headers: { ...headers, 'Content-Type': 'text/xml; charset=utf-8' }, body: text });
      if (req.method === 'OPTIONS') return { status: 204, headers };
      const status = state.scenario === 'not_ready' ? 'NOTREADY' : state.scenario === 'in_use' ? 'USED' : 'READY';
      const paths = interfacePaths(state.scenario, listeningPort);
      if (req.method === 'RDSERVICE') return xml(rdServiceReply(state.scenario, status, listeningPort));
      // Only the Morpho-style scenario also answers on its host-in-path form; elsewhere a path the
      // client failed to clean up gets the 404 a real driver would give it.
      const path = state.scenario === 'other_port' ? req.path.replace(/^\/127\.0\.0\.1:\d+/, '') : req.path;
      if (req.method === 'DEVICEINFO' && path === paths.info) return xml(deviceInfoReply(state.scenario));
      if (req.method === 'CAPTURE' && path === paths.capture) {
        const options = req.body;
        const wadh = attr(options, 'wadh');
        const reply = (errCode: string, text: string) => {
          state.captures.push({ at: new Date().toISOString(), wadh, errCode });
          return xml(text);
        };
        if (!/<PidOptions[\s>]/.test(options) || attr(options, 'env') === null) return reply('100', errorPidData('100', 'Invalid PidOptions input'));
        if (state.scenario === 'not_ready') return reply('720', errorPidData('720', 'Device not ready'));
        if (state.scenario === 'in_use' || state.capturing) return reply('710', errorPidData('710', 'Being used by another application'));
        state.capturing = true;
        try {
          if (state.scenario === 'timeout') {
            await new Promise((r) => setTimeout(r, timeoutDelay));
            return reply('700', errorPidData('700', 'Capture timed out'));
          }
          await new Promise((r) => setTimeout(r, 150)); // a finger on the glass
          const qScore = state.scenario === 'poor_quality' ? 18 : state.scenario === 'low_quality' ? 38 : 72;
          return reply('0', syntheticPidData({ wadh, qScore, nmPoints: qScore > 40 ? 38 : 21, fType: attr(options, 'fType') ?? '2' }));
        } finally {
          state.capturing = false;
        }
      }
      return { status: 404, headers, body: '<Error>Unknown RD request</Error>' };
    };
  }

  async function control(req: IncomingMessage, res: ServerResponse) {
    const json = (status: number, v: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
      res.end(JSON.stringify(v));
    };
    const url = req.url ?? '/';
    if (url === '/health') return json(200, { ok: true, scenario: state.scenario });
    if (url === '/scenario' && req.method === 'GET') return json(200, { scenario: state.scenario, scenarios: RD_SCENARIOS });
    if (url === '/scenario' && req.method === 'PUT') {
      let next: unknown;
      try {
        next = (JSON.parse(await body(req)) as { scenario?: unknown }).scenario;
      } catch {
        /* 400 below */
      }
      if (!RD_SCENARIOS.includes(next as RdScenario)) return json(400, { error: `scenario must be one of ${RD_SCENARIOS.join(', ')}` });
      state.scenario = next as RdScenario;
      return json(200, { scenario: state.scenario });
    }
    if (url === '/captures' && req.method === 'GET') return json(200, { captures: state.captures });
    if (url === '/reset' && req.method === 'POST') {
      state.scenario = options.scenario ?? 'ready';
      state.captures.length = 0;
      return json(200, { ok: true });
    }
    json(404, { error: 'unknown control' });
  }

  const tls = options.https ? { key: SANDBOX_TLS_KEY, cert: SANDBOX_TLS_CERT } : undefined;
  const servers: Server[] = [
    createRawHttpServer(deviceHandler(port), tls),
    createRawHttpServer(deviceHandler(otherPort), tls),
    createServer((req, res) => void control(req, res).catch(() => res.destroy())),
  ];
  for (const s of servers) s.on('connection', (socket) => (sockets.add(socket), socket.on('close', () => sockets.delete(socket))));

  return {
    state,
    ports: { port, otherPort, controlPort },
    async listen() {
      const targets = [port, otherPort, controlPort];
      await Promise.all(servers.map((s, i) => new Promise<void>((resolve, reject) => s.once('error', reject).listen(targets[i], host, () => resolve()))));
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    },
  };
}
