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
