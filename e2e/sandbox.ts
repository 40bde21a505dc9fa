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
  async calls(request: APIRequestContext, customerId: string): Promise<{ method: string }[]> {
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
