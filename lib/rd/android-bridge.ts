import { parseDeviceInfo } from './parse';
import { type Discovery, RdError, type RdErrorCode, type RdProvider } from './types';

// Android tablets: RD apps answer intents, not HTTP, so a native wrapper (WebView) reaches them
// and talks to the page through a bridge. The protocol is in the README ("Android bridge").
//
//   page → native:  window.AgentDeskRdBridge.postMessage(JSON.stringify({ id, type, pidOptions? }))
//   native → page:  window.agentDeskRdBridgeReply(JSON.stringify({ id, ok, result? , error? }))

interface BridgeObject {
  postMessage(message: string): void;
}

interface BridgeReply {
  id: string;
  ok: boolean;
  result?: { status?: string; info?: string; package?: string; pidData?: string; deviceInfo?: string };
  error?: { code?: string; message?: string };
}

declare global {
  interface Window {
    AgentDeskRdBridge?: BridgeObject;
    agentDeskRdBridgeReply?: (json: string) => void;
  }
}

export const hasAndroidBridge = () => typeof window !== 'undefined' && typeof window.AgentDeskRdBridge?.postMessage === 'function';

const BRIDGE_ERRORS: Record<string, RdErrorCode> = {
  dnc: 'not_ready',
  not_ready: 'not_ready',
  busy: 'in_use',
  in_use: 'in_use',
  no_rd_app: 'no_rd_app',
  cancelled: 'cancelled',
};

export class AndroidBridgeProvider implements RdProvider {
  readonly kind = 'android' as const;
  private pending = new Map<string, { resolve: (r: BridgeReply) => void; timer: ReturnType<typeof setTimeout> }>();
  private inFlight = false;
  private seq = 0;

  constructor(private readonly bridge: BridgeObject = window.AgentDeskRdBridge!) {
    window.agentDeskRdBridgeReply = (json: string) => {
      let reply: BridgeReply;
      try {
        reply = JSON.parse(json) as BridgeReply;
      } catch {
        return;
      }
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      clearTimeout(waiting.timer);
      this.pending.delete(reply.id);
      waiting.resolve(reply);
    };
  }

  private ask(type: string, extra: Record<string, string>, timeoutMs: number): Promise<BridgeReply> {
    const id = `rd-${Date.now()}-${++this.seq}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new RdError('no_response'));
      }, timeoutMs);
      this.pending.set(id, { resolve, timer });
      try {
        this.bridge.postMessage(JSON.stringify({ id, type, ...extra }));
      } catch {
        clearTimeout(timer);
        this.pending.delete(id);
        reject(new RdError('not_found'));
      }
    });
  }

  private static fail(reply: BridgeReply): never {
    throw new RdError(BRIDGE_ERRORS[reply.error?.code ?? ''] ?? 'device', reply.error?.code, reply.error?.message);
  }

  async discover(): Promise<Discovery> {
    const reply = await this.ask('discover', {}, 15_000);
    if (!reply.ok) {
      if (reply.error?.code === 'no_rd_app') return { kind: 'none' };
      AndroidBridgeProvider.fail(reply);
    }
    const status = reply.result?.status?.toUpperCase();
    if (status !== 'READY' && status !== 'NOTREADY' && status !== 'USED') return { kind: 'none' };
    return { kind: 'found', scanner: { status, info: reply.result?.info ?? '', where: { kind: 'android', package: reply.result?.package ?? '' } } };
  }

  async deviceInfo() {
    try {
      const reply = await this.ask('deviceInfo', {}, 10_000);
      return reply.ok && reply.result?.deviceInfo ? parseDeviceInfo(reply.result.deviceInfo) : null;
    } catch {
      return null;
    }
  }

  async capture(pidOptions: string): Promise<string> {
    if (this.inFlight) throw new RdError('busy');
    this.inFlight = true;
    try {
      // The RD app shows its own screen; give the agent time.
      const reply = await this.ask('capture', { pidOptions }, 90_000);
      if (!reply.ok) AndroidBridgeProvider.fail(reply);
      if (!reply.result?.pidData) throw new RdError('bad_reply');
      return reply.result.pidData;
    } finally {
      this.inFlight = false;
    }
  }
}
