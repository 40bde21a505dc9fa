import type { APIRequestContext } from '@playwright/test';
import { EKO_SANDBOX_PORT } from '../playwright.config';

const control = `http://127.0.0.1:${EKO_SANDBOX_PORT}/__sandbox`;

export const ekoSandbox = {
  async reset(request: APIRequestContext) {
    await request.post(`${control}/reset`);
  },
  async useShape(request: APIRequestContext, shape: 'current' | 'seed') {
    await request.put(`${control}/config`, { data: { shape } });
  },
  /** The sandbox's own AePS record of an agent: `daily_kyc_day: null` forgets today's authentication (Eko then answers 1467). */
  async aepsAgent(request: APIRequestContext, userCode: string, state: { ekyc_done?: boolean; daily_kyc_day?: 'today' | string | null }) {
    const res = await request.put(`${control}/aeps-agent`, { data: { user_code: userCode, ...state } });
    if (!res.ok()) throw new Error(`aeps-agent ${userCode}: ${res.status()}`);
  },
  async calls(request: APIRequestContext, customerId: string): Promise<{ method: string; path: string }[]> {
    return (await (await request.get(`${control}/calls?customer_id=${customerId}`)).json()).calls;
  },
};

const rdControl = 'http://127.0.0.1:11290';

export const rdSandbox = {
  async useScenario(request: APIRequestContext, scenario: string) {
    const res = await request.put(`${rdControl}/scenario`, { data: { scenario } });
    if (!res.ok()) throw new Error(`RD scenario ${scenario}: ${res.status()}`);
  },
  async reset(request: APIRequestContext) {
    await request.post(`${rdControl}/reset`);
  },
  async captures(request: APIRequestContext): Promise<{ wadh: string | null; errCode: string }[]> {
    return (await (await request.get(`${rdControl}/captures`)).json()).captures;
  },
};

/** One call the Eko sandbox received (never its body). */
export interface SandboxCall {
  at: string;
  method: string;
  path: string;
  customerId: string | null;
  clientRefId: string | null;
  httpStatus: number;
  status: number | null;
}

/** Money the sandbox moved: one record per transfer Eko accepted. */
export interface SandboxTransaction {
  tid: string;
  client_ref_id: string | null;
  kind: string;
  customer_id: string;
  amount: number;
  fee: number;
  tx_status: string;
  inquiries: number;
  refund_tid: string | null;
}

export const ekoMoney = {
  /** Initiate Transfer calls for one sender: the number that must never exceed one per transfer. */
  async initiateTransfers(request: APIRequestContext, customerId: string): Promise<SandboxCall[]> {
    const { calls } = (await (await request.get(`${control}/calls?customer_id=${customerId}`)).json()) as { calls: SandboxCall[] };
    return calls.filter((c) => c.method === 'POST' && c.path === '/customer/payment/dmt-fino');
  },
  async transactions(request: APIRequestContext, customerId: string): Promise<SandboxTransaction[]> {
    const { transactions } = (await (await request.get(`${control}/transactions`)).json()) as { transactions: SandboxTransaction[] };
    return transactions.filter((t) => t.customer_id === customerId && t.kind === 'dmt');
  },
  /** The agent's Eko wallet, in rupees. */
  async wallet(request: APIRequestContext, userCode = '20810200'): Promise<number> {
    return (await (await request.get(`${control}/wallet?user_code=${userCode}`)).json()).balance;
  },
};
