import { type Browser, type BrowserContext, chromium, type Page } from '@playwright/test';
import { median } from './stats';

// What an agent feels on a weak signal: Chromium with Lighthouse's mobile profile applied through
// CDP (slow 4G: 150 ms round trip, 1.6 Mbit/s down, 0.75 Mbit/s up; 4× CPU slowdown), timing
//   - Search pressed on /senders → the sender's available limit on screen;
//   - Transfer pressed (sandbox success fixture) → the receipt on screen;
// beside the time the same browser, under the same throttle, takes to load the bare control page.
// The page each action starts from is loaded (untimed) first: the timer starts at the press.
// Runs alternate control, search, transfer, so background load spreads evenly.

export const SLOW_4G = { latencyMs: 150, downloadKbps: 1600, uploadKbps: 750, cpuSlowdown: 4 } as const;

export interface FeelFigures {
  controlMs: number;
  searchMs: number;
  transferMs: number;
  controlRuns: number[];
  searchRuns: number[];
  transferRuns: number[];
  problems: string[];
}

export interface FeelScene {
  origin: string;
  /** An agent's `name=value` session cookie. */
  cookie: string;
  /** A sender the search finds (its card shows the limits). */
  searchMobile: string;
  /** A sender and recipient for which a small transfer succeeds in the sandbox. */
  transfer: { senderMobile: string; recipientId: string; amount: number; otp: string };
}

async function throttled(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: SLOW_4G.latencyMs,
    downloadThroughput: (SLOW_4G.downloadKbps * 1000) / 8,
    uploadThroughput: (SLOW_4G.uploadKbps * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_4G.cpuSlowdown });
  return page;
}

/** A fresh context (cold cache, as a first visit) with the agent signed in. */
async function agentContext(browser: Browser, scene: FeelScene): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
  const [name, ...value] = scene.cookie.split('=');
  await context.addCookies([{ name: name!, value: value.join('='), url: scene.origin }]);
  return context;
}

async function timeControl(browser: Browser, scene: FeelScene): Promise<number> {
  const context = await agentContext(browser, scene);
  try {
    const page = await throttled(context);
    const started = performance.now();
    await page.goto(`${scene.origin}/control`, { waitUntil: 'load' });
    await page.getByRole('heading', { name: 'Control' }).waitFor();
    return performance.now() - started;
  } finally {
    await context.close();
  }
}

async function timeSearch(browser: Browser, scene: FeelScene): Promise<number> {
  const context = await agentContext(browser, scene);
  try {
    const page = await throttled(context);
    await page.goto(`${scene.origin}/senders`, { waitUntil: 'load' });
    const input = page.getByLabel('Sender mobile number');
    await input.fill(scene.searchMobile);
    const search = page.getByRole('button', { name: 'Search', exact: true });
    await search.waitFor();
    const started = performance.now();
    await search.click();
    await page.getByTestId('limit-available').waitFor({ state: 'visible', timeout: 30_000 });
    return performance.now() - started;
  } finally {
    await context.close();
  }
}

async function timeTransfer(browser: Browser, scene: FeelScene): Promise<number> {
  const { senderMobile, recipientId, amount, otp } = scene.transfer;
  const context = await agentContext(browser, scene);
  try {
    const page = await throttled(context);
    await page.goto(`${scene.origin}/senders/${senderMobile}/send/${recipientId}`, { waitUntil: 'load' });
    await page.getByLabel('Amount in rupees').fill(String(amount));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Send OTP to the sender' }).click();
    await page.getByLabel('OTP from the sender').fill(otp);
    const transfer = page.getByTestId('otp-submit');
    const started = performance.now();
    await transfer.click();
    await page.getByTestId('receipt').waitFor({ state: 'visible', timeout: 60_000 });
    return performance.now() - started;
  } finally {
    await context.close();
  }
}

export async function benchFeel(options: { scene: FeelScene; runs: number; chromiumPath: string }): Promise<FeelFigures> {
  const browser = await chromium.launch({ executablePath: options.chromiumPath, args: ['--no-sandbox'] });
  const controlRuns: number[] = [];
  const searchRuns: number[] = [];
  const transferRuns: number[] = [];
  const problems: string[] = [];
  const attempt = async (what: string, into: number[], run: () => Promise<number>) => {
    try {
      into.push(Math.round(await run()));
    } catch (err) {
      problems.push(`${what}: ${(err as Error).message.split('\n')[0]}`);
    }
  };
  try {
    // One untimed pass first: the server's own first-request work (compiling routes' code paths,
    // opening connections) is not what an agent's tablet waits for on the hundredth search.
    await timeControl(browser, options.scene).catch(() => 0);
    await timeSearch(browser, options.scene).catch(() => 0);
    for (let i = 0; i < options.runs; i++) {
      await attempt('control', controlRuns, () => timeControl(browser, options.scene));
      await attempt('search', searchRuns, () => timeSearch(browser, options.scene));
      await attempt('transfer', transferRuns, () => timeTransfer(browser, options.scene));
    }
  } finally {
    await browser.close();
  }
  return {
    controlMs: median(controlRuns),
    searchMs: median(searchRuns),
    transferMs: median(transferRuns),
    controlRuns,
    searchRuns,
    transferRuns,
    problems,
  };
}
