import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authProblem, type SandboxCredentials } from './auth';
import { todayInIndia } from '../../lib/dates';
import { FAULT_FIXTURES, type FaultFixture, SENDER_FIXTURES, SLOW_MS } from './fixtures';
import { dmtRoutes } from './dmt';
import { senderEkycRoutes } from './sender-ekyc';
import { aepsRoutes } from './aeps';
import { aepsTransactionRoutes } from './aeps-transactions';
import { bankRoutes } from './banks';
import { createMoneyState, type MoneyState, walletOf } from './money-state';
import { recipientRoutes } from './recipients';
import { transactionRoutes, transactionsView } from './transactions';
import { transferRoutes } from './transfer';

// An Eko UAT stand-in over real HTTP: exact header names, 13-digit timestamps and signatures
// (403 otherwise), invalid_params for bad bodies, current reference shapes by default and the
// seed-page shapes on a switch. State lives in memory and resets on restart or /__sandbox/reset.

export const BASE_PATH = '/ekoapi/v3';

export type ResponseShape = 'current' | 'seed';

type Person = { name: string; dob: string };
type Limits = { monthly: number; used: number };
export type SenderRecord =
  | ({ kind: 'kyc_verified' } & Person & Limits)
  | ({ kind: 'not_kyc' } & Person & Limits)
  | ({ kind: 'kyc_pending' } & Person)
  | ({ kind: 'otp_pending' } & Person);

export interface CallRecord {
  at: string;
  method: string;
  path: string;
  customerId: string | null;
  clientRefId: string | null;
  /** 0 when the sandbox never answered (the "timeout" fixtures). */
  httpStatus: number;
  status: number | null;
}

export interface SandboxState {
  shape: ResponseShape;
  credentials: SandboxCredentials;
  senders: Map<string, SenderRecord>;
  /** Method, path and ids of every call, never bodies: the duplicate-submission tests count these. */
  calls: CallRecord[];
  /** Sender eKYC requests waiting for their OTP: kyc_request_id → sender and otp_ref_id. */
  pendingEkyc: Map<string, { mobile: string; otpRefId: string }>;
  /** The sender as they were before eKYC started (their usage carries over). */
  ekycHistory: Map<string, SenderRecord>;
  /** Each sandbox PID may be used once. */
  usedPidNonces: Set<string>;
  /** AePS one-time eKYC progress per agent user_code. */
  aeps: Map<string, AepsAgentState>;
  /** Recipients, OTPs, transactions, wallets (money-state.ts). */
  money: MoneyState;
  /** Bank list at the top level (as integrators read it) or nested under `data`. */
  bankListShape: 'top' | 'data';
  /** The status of an "Insufficient balance" decline: 347 (status table) or 55 (EPS's example). */
  insufficientBalanceStatus: 347 | 55;
  /**
   * One-shot faults by path (PUT /__sandbox/fault): the next call to that exact path gets the
   * fault before it is processed, whoever the customer. How the money tests fault Initiate
   * Transfer alone, after its recipient look-up and OTP went through.
   */
  pathFaults: Map<string, FaultFixture>;
}

interface OtpRefs {
  otpRefId: string;
  referenceTid: string;
}

export interface AepsAgentState {
  otp?: OtpRefs;
  verified?: OtpRefs;
  ekycDone: boolean;
  /** India calendar day (YYYY-MM-DD) of the last successful Daily KYC; AePS transactions need today's. */
  dailyKycDay?: string;
}

export interface EkoRequest {
  method: string;
  /** Path below BASE_PATH, e.g. /customer/payment/dmt-fino/sender/9000000001 */
  path: string;
  query: URLSearchParams;
  body: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  state: SandboxState;
}

export interface EkoReply {
  httpStatus?: number;
  json: Record<string, unknown>;
  /**
   * For the fixtures where the work is done but the answer is lost: `hang` never answers (the
   * client's timeout fires), `bad_gateway` answers a gateway's HTML 502 instead of `json`.
   */
  transport?: 'hang' | 'bad_gateway';
}

export interface SandboxRoute {
  method: 'GET' | 'POST' | 'PUT';
  pattern: RegExp;
  handle: (req: EkoRequest, match: RegExpExecArray) => EkoReply;
}

export function lookupSender(state: SandboxState, mobile: string): SenderRecord | null {
  const known = state.senders.get(mobile);
  if (known) return known;
  const fixture = SENDER_FIXTURES[mobile];
  if (!fixture || fixture.kind === 'not_enrolled') return null;
  return { ...fixture };
}

/** Eko's validation-error envelope (docs/eko-api.md §5). */
export function invalidParams(fields: Record<string, string>, status = 1): EkoReply {
  return {
    json: { status, response_status_id: 1, response_type_id: -1, message: 'Invalid parameters', invalid_params: fields },
  };
}

function send(res: ServerResponse, httpStatus: number, body: string, contentType: string) {
  res.writeHead(httpStatus, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

const sendJson = (res: ServerResponse, httpStatus: number, json: unknown) => send(res, httpStatus, JSON.stringify(json), 'application/json; charset=utf-8');

async function readBody(req: IncomingMessage, max = 256 * 1024): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A path segment as sent; a malformed %-escape stays as it is (it then matches nothing). */
export function pathSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The sender's or customer's mobile a call is about: the fault fixtures and the call log key on it. */
function customerIdOf(path: string, body: Record<string, unknown>): string | null {
  const m = /\/sender\/(\d+)/.exec(path) ?? /^\/customer\/collection\/aeps-fingpay\/[a-z-]+\/(\d+)$/.exec(path);
  if (m?.[1]) return m[1];
  if (typeof body.customer_id === 'number') return String(body.customer_id);
  return typeof body.customer_id === 'string' ? body.customer_id : null;
}

function clientRefIdOf(path: string, body: Record<string, unknown>, query: URLSearchParams): string | null {
  const m = /^\/tools\/reference\/transaction\/client_ref_id:([^/]+)$/.exec(path);
  if (m?.[1]) return pathSegment(m[1]);
  return typeof body.client_ref_id === 'string' ? body.client_ref_id : query.get('client_ref_id');
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  try {
    const parsed: unknown = JSON.parse((await readBody(req)) ?? '');
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface EkoSandbox {
  server: Server;
  state: SandboxState;
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
  reset(): void;
}

export function createEkoSandbox(options: { credentials: SandboxCredentials; shape?: ResponseShape }): EkoSandbox {
  const state: SandboxState = {
    shape: options.shape ?? 'current',
    credentials: options.credentials,
    senders: new Map(),
    calls: [],
    pendingEkyc: new Map(),
    ekycHistory: new Map(),
    usedPidNonces: new Set(),
    aeps: new Map(),
    money: createMoneyState(),
    bankListShape: 'top',
    insufficientBalanceStatus: 347,
    pathFaults: new Map(),
  };
  const routes: SandboxRoute[] = [
    ...dmtRoutes,
    ...senderEkycRoutes,
    ...aepsRoutes,
    ...recipientRoutes,
    ...bankRoutes,
    ...transferRoutes,
    ...transactionRoutes,
    ...aepsTransactionRoutes,
  ];
  const configView = () => ({ shape: state.shape, bankListShape: state.bankListShape, insufficientBalanceStatus: state.insufficientBalanceStatus });

  async function control(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    if (url.pathname === '/health') {
      sendJson(res, 200, { ok: true, shape: state.shape });
      return true;
    }
    if (!url.pathname.startsWith('/__sandbox/')) return false;
    const action = url.pathname.slice('/__sandbox/'.length);
    if (action === 'config' && req.method === 'GET') {
      sendJson(res, 200, configView());
    } else if (action === 'config' && req.method === 'PUT') {
      const body = (await readJson(req)) ?? {};
      const { shape, bankListShape, insufficientBalanceStatus } = body;
      const known = ['shape', 'bankListShape', 'insufficientBalanceStatus'].filter((k) => k in body);
      if (known.length === 0 || (shape !== undefined && shape !== 'current' && shape !== 'seed')) {
        sendJson(res, 400, { error: 'shape must be "current" or "seed"' });
      } else if (bankListShape !== undefined && bankListShape !== 'top' && bankListShape !== 'data') {
        sendJson(res, 400, { error: 'bankListShape must be "top" or "data"' });
      } else if (insufficientBalanceStatus !== undefined && insufficientBalanceStatus !== 347 && insufficientBalanceStatus !== 55) {
        sendJson(res, 400, { error: 'insufficientBalanceStatus must be 347 or 55' });
      } else {
        if (shape !== undefined) state.shape = shape;
        if (bankListShape !== undefined) state.bankListShape = bankListShape;
        if (insufficientBalanceStatus !== undefined) state.insufficientBalanceStatus = insufficientBalanceStatus;
        sendJson(res, 200, configView());
      }
    } else if (action === 'transactions' && req.method === 'GET') {
      sendJson(res, 200, { transactions: transactionsView(state) });
    } else if (action === 'wallet' && req.method === 'GET') {
      const userCode = url.searchParams.get('user_code') ?? '';
      sendJson(res, 200, { user_code: userCode, balance: walletOf(state.money, userCode) });
    } else if (action === 'wallet' && req.method === 'PUT') {
      const body = await readJson(req);
      const balance = body?.balance;
      if (typeof body?.user_code !== 'string' || typeof balance !== 'number' || !Number.isFinite(balance) || balance < 0) {
        sendJson(res, 400, { error: 'send {"user_code": "...", "balance": <rupees ≥ 0>}' });
      } else {
        state.money.wallets.set(body.user_code, Math.round(balance * 100) / 100);
        sendJson(res, 200, { user_code: body.user_code, balance: walletOf(state.money, body.user_code) });
      }
    } else if (action === 'aeps-agent' && req.method === 'PUT') {
      const body = await readJson(req);
      const day = body?.daily_kyc_day;
      if (typeof body?.user_code !== 'string' || (day !== undefined && day !== null && (typeof day !== 'string' || !/^(today|\d{4}-\d{2}-\d{2})$/.test(day)))) {
        sendJson(res, 400, { error: 'send {"user_code": "...", "ekyc_done"?: boolean, "daily_kyc_day"?: "today" | "YYYY-MM-DD" | null}' });
      } else {
        const agent = state.aeps.get(body.user_code) ?? { ekycDone: false };
        const next: AepsAgentState = { ...agent, ekycDone: typeof body.ekyc_done === 'boolean' ? body.ekyc_done : agent.ekycDone };
        if (day === null) delete next.dailyKycDay;
        else if (typeof day === 'string') next.dailyKycDay = day === 'today' ? todayInIndia() : day;
        state.aeps.set(body.user_code, next);
        sendJson(res, 200, { user_code: body.user_code, ekyc_done: next.ekycDone, daily_kyc_day: next.dailyKycDay ?? null });
      }
    } else if (action === 'fault' && req.method === 'PUT') {
      const body = await readJson(req);
      const kinds = new Set<string>(Object.values(FAULT_FIXTURES));
      if (typeof body?.path !== 'string' || !body.path.startsWith('/') || typeof body.fault !== 'string' || !kinds.has(body.fault)) {
        sendJson(res, 400, { error: `send {"path": "/customer/payment/dmt-fino", "fault": one of ${[...kinds].join(', ')}}` });
      } else {
        state.pathFaults.set(body.path, body.fault as FaultFixture);
        sendJson(res, 200, { path: body.path, fault: body.fault });
      }
    } else if (action === 'reset' && req.method === 'POST') {
      reset();
      sendJson(res, 200, { ok: true });
    } else if (action === 'calls' && req.method === 'GET') {
      const customerId = url.searchParams.get('customer_id');
      sendJson(res, 200, { calls: customerId ? state.calls.filter((c) => c.customerId === customerId) : state.calls });
    } else {
      sendJson(res, 404, { error: 'unknown sandbox control' });
    }
    return true;
  }

  async function fault(kind: FaultFixture, res: ServerResponse): Promise<boolean> {
    switch (kind) {
      case 'timeout':
        return true; // hold the socket; the client's timeout fires first
      case 'server_error':
        send(res, 502, '<html><body><h1>502 Bad Gateway</h1></body></html>', 'text/html');
        return true;
      case 'html':
        send(res, 200, '<!DOCTYPE html><html><head><title>Maintenance</title></head><body>Service under maintenance</body></html>', 'text/html');
        return true;
      case 'invalid_json':
        send(res, 200, '{"status":0,"response_type_id":309,"data":{"customer_profile":{"name":"Trunc', 'application/json');
        return true;
      case 'forbidden':
        sendJson(res, 403, { message: 'Forbidden' });
        return true;
      case 'no_key':
        sendJson(res, 200, { message: 'No key for Response' });
        return true;
      case 'slow':
        await delay(SLOW_MS);
        return false;
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    if (await control(req, res, url)) return;

    if (!url.pathname.startsWith(`${BASE_PATH}/`)) {
      send(res, 404, 'Not Found', 'text/plain');
      return;
    }
    const path = url.pathname.slice(BASE_PATH.length);
    const method = req.method ?? 'GET';
    const matching = routes.filter((r) => r.pattern.test(path));
    const route = matching.find((r) => r.method === method);
    if (!route) {
      send(res, matching.length > 0 ? 405 : 404, matching.length > 0 ? 'Method Not Allowed' : 'Not Found', 'text/plain');
      return;
    }

    const rawBody = method === 'GET' ? '' : await readBody(req);
    let body: Record<string, unknown> = {};
    const record = (httpStatus: number, status: number | null) =>
      state.calls.push({
        at: new Date().toISOString(),
        method,
        path,
        customerId: customerIdOf(path, body),
        clientRefId: clientRefIdOf(path, body, url.searchParams),
        httpStatus,
        status,
      });

    const problem = authProblem(req.headers, state.credentials);
    if (method !== 'GET') {
      if (rawBody === null) {
        record(413, null);
        send(res, 413, 'Payload Too Large', 'text/plain');
        return;
      }
      if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
        record(415, null);
        send(res, 415, 'Unsupported Media Type', 'text/plain');
        return;
      }
      try {
        const parsed: unknown = JSON.parse(rawBody || '{}');
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
        body = parsed as Record<string, unknown>;
      } catch {
        record(400, null);
        sendJson(res, 400, { message: 'Malformed JSON body' });
        return;
      }
    }

    const pathFault = state.pathFaults.get(path);
    if (pathFault) state.pathFaults.delete(path);
    const faultKind = pathFault ?? FAULT_FIXTURES[customerIdOf(path, body) ?? ''];
    if (faultKind) {
      record(faultKind === 'forbidden' ? 403 : 200, null);
      if (await fault(faultKind, res)) return;
    }

    if (problem) {
      record(403, null);
      sendJson(res, 403, { message: `Forbidden: ${problem}` });
      return;
    }

    const initiator = method === 'GET' ? url.searchParams.get('initiator_id') : body.initiator_id;
    const userCode = method === 'GET' ? url.searchParams.get('user_code') : body.user_code;
    let reply: EkoReply;
    if (initiator !== state.credentials.initiatorId) {
      reply = { json: { status: 319, response_status_id: 319, response_type_id: -1, message: 'Invalid initiator_id', data: {} } };
    } else if (typeof userCode !== 'string' || !/^\d{5,12}$/.test(userCode)) {
      reply = invalidParams({ user_code: 'Please provide a valid user_code' });
    } else {
      reply = route.handle({ method, path, query: url.searchParams, body, headers: req.headers, state }, route.pattern.exec(path)!);
    }
    const status = typeof reply.json.status === 'number' ? reply.json.status : null;
    if (reply.transport === 'hang') {
      if (!faultKind) record(0, status);
      return; // the work is done; the answer never leaves
    }
    if (reply.transport === 'bad_gateway') {
      if (!faultKind) record(502, status);
      send(res, 502, '<html><body><h1>502 Bad Gateway</h1></body></html>', 'text/html');
      return;
    }
    if (!faultKind) record(reply.httpStatus ?? 200, status);
    sendJson(res, reply.httpStatus ?? 200, reply.json);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal Server Error', 'text/plain');
    });
  });

  function reset() {
    state.shape = options.shape ?? 'current';
    state.senders.clear();
    state.calls.length = 0;
    state.pendingEkyc.clear();
    state.ekycHistory.clear();
    state.usedPidNonces.clear();
    state.aeps.clear();
    // The money is forgotten, the numbering goes on (see createMoneyState).
    state.money = createMoneyState({ nextTid: state.money.nextTid, nextOtpRef: state.money.nextOtpRef });
    state.bankListShape = 'top';
    state.insufficientBalanceStatus = 347;
    state.pathFaults.clear();
  }

  return {
    server,
    state,
    reset,
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          resolve(`http://${host}:${address.port}${BASE_PATH}`);
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
