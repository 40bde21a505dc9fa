import 'server-only';
import { z } from 'zod';
import { type AgentContext, currentAgent } from '@/lib/auth/agent';
import { ApiError, fieldsFromZod } from './errors';

// The one route-handler wrapper: identity → parse (params, body) → call → map errors.
// Handlers stay thin and never build error responses themselves.

type RouteParams = Promise<Record<string, string | string[] | undefined>>;

export interface HandlerContext<P, B> {
  req: Request;
  params: P;
  body: B;
  agent: AgentContext;
}

interface RouteOptions<P extends z.ZodType, B extends z.ZodType> {
  params?: P;
  body?: B;
  /** Bodies above this are refused before parsing (PID blocks are a few KB). */
  maxBodyBytes?: number;
  handler: (ctx: HandlerContext<z.output<P>, z.output<B>>) => Promise<unknown>;
}

const DEFAULT_MAX_BODY = 16 * 1024;

async function readCappedText(req: Request, max: number): Promise<string> {
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > max) throw new ApiError('payload_too_large');
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new ApiError('payload_too_large');
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new ApiError('invalid_json');
  }
}

async function parseJsonBody(req: Request, max: number): Promise<unknown> {
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new ApiError('unsupported_media_type');
  const text = await readCappedText(req, max);
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError('invalid_json');
  }
}

export function jsonResponse(data: unknown, status = 200): Response {
  return Response.json(data, { status, headers: { 'cache-control': 'no-store' } });
}

export function errorResponse(error: ApiError): Response {
  return jsonResponse(error.toBody(), error.status);
}

export function route<P extends z.ZodType = z.ZodUndefined, B extends z.ZodType = z.ZodUndefined>(
  options: RouteOptions<P, B>,
) {
  return async (req: Request, ctx: { params: RouteParams }): Promise<Response> => {
    try {
      const agent = await currentAgent(req);

      let params: unknown;
      if (options.params) {
        const parsed = options.params.safeParse(await ctx.params);
        if (!parsed.success) throw new ApiError('invalid_input', { fields: fieldsFromZod(parsed.error) });
        params = parsed.data;
      }

      let body: unknown;
      if (options.body) {
        const raw = await parseJsonBody(req, options.maxBodyBytes ?? DEFAULT_MAX_BODY);
        const parsed = options.body.safeParse(raw);
        if (!parsed.success) throw new ApiError('invalid_input', { fields: fieldsFromZod(parsed.error) });
        body = parsed.data;
      }

      const result = await options.handler({ req, params, body, agent } as HandlerContext<z.output<P>, z.output<B>>);
      return result instanceof Response ? result : jsonResponse(result);
    } catch (err) {
      if (err instanceof ApiError) return errorResponse(err);
      // Unexpected: log the kind only; request data may hold Aadhaar, PID or OTPs.
      console.error(`[route] ${req.method} ${new URL(req.url).pathname}: ${(err as Error)?.name ?? 'Error'}`);
      return errorResponse(new ApiError('internal'));
    }
  };
}
