import 'server-only';
import { z } from 'zod';
import { checkRequest, type SessionUser } from '@/lib/auth/current-user';
import type { Role } from '@/lib/auth/session';
import { type Locale, localeOfRequest } from '@/lib/i18n';
import { consume, type LimitCheck, rateLimitHeaders } from '@/lib/rate-limit';
import { ApiError, fieldsFromZod } from './errors';
import { assertSameOrigin } from './origin';

// The one route-handler wrapper: origin (state-changing methods) → session → role → parse
// (params, query, body) → rate limits → call → map errors. Handlers stay thin and never build
// error responses themselves.

type RouteParams = Promise<Record<string, string | string[] | undefined>>;

/** What an Eko call needs to know about the agent it is made for. */
export interface AgentContext {
  id: string;
  userCode: string;
  /** The agent's own mobile: AePS calls send it as customer_id (the OTP goes there). */
  mobile: string;
}

interface HandlerContext<P, Q, B, U> {
  req: Request;
  params: P;
  query: Q;
  body: B;
  user: U;
}

type Access = Role | 'public';
type UserFor<A extends Access> = A extends 'public' ? SessionUser | null : SessionUser;

interface RouteOptions<A extends Access, P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  access: A;
  params?: P;
  query?: Q;
  body?: B;
  /** Bodies above this are refused before parsing (PID blocks are a few KB). */
  maxBodyBytes?: number;
  /**
   * The budgets one call spends (lib/rate-limit/rules.ts), narrowest first. Spent after the input
   * parses, so a mistyped form costs the agent nothing, and before the handler, so a refused call
   * never reaches Eko.
   */
  limits?: (ctx: { params: z.output<P>; user: UserFor<A> }) => LimitCheck[];
  handler: (ctx: HandlerContext<z.output<P>, z.output<Q>, z.output<B>, UserFor<A>>) => Promise<unknown>;
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

function parseWith<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ApiError('invalid_input', { fields: fieldsFromZod(parsed.error) });
  return parsed.data;
}

export function jsonResponse(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(data, { status, headers: { 'cache-control': 'no-store', ...headers } });
}

export function errorResponse(error: ApiError, locale?: Locale): Response {
  return jsonResponse(error.toBody(locale), error.status, error.options.headers);
}

/** The agent an Eko call is made for; admins never call Eko. */
export function agentOf(user: SessionUser): AgentContext {
  if (user.role !== 'agent' || !user.ekoUserCode) throw new ApiError('forbidden');
  return { id: user.id, userCode: user.ekoUserCode, mobile: user.mobile };
}

export function route<
  A extends Access,
  P extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodUndefined,
  B extends z.ZodType = z.ZodUndefined,
>(options: RouteOptions<A, P, Q, B>) {
  return async (req: Request, ctx: { params: RouteParams }): Promise<Response> => {
    try {
      // First: a forged cross-site call must not get as far as reading its body or the session.
      assertSameOrigin(req);
      let user: SessionUser | null = null;
      if (options.access !== 'public') {
        const check = await checkRequest(req);
        if (!check.user) throw new ApiError(check.reason === 'inactive' ? 'account_inactive' : 'unauthenticated');
        if (check.user.role !== options.access) throw new ApiError('forbidden');
        user = check.user;
      }
      const params = options.params ? parseWith(options.params, await ctx.params) : undefined;
      const query = options.query ? parseWith(options.query, Object.fromEntries(new URL(req.url).searchParams)) : undefined;
      const body = options.body ? parseWith(options.body, await parseJsonBody(req, options.maxBodyBytes ?? DEFAULT_MAX_BODY)) : undefined;

      const budget = options.limits ? await consume(options.limits({ params, user } as { params: z.output<P>; user: UserFor<A> })) : null;

      const result = await options.handler({ req, params, query, body, user } as HandlerContext<
        z.output<P>,
        z.output<Q>,
        z.output<B>,
        UserFor<A>
      >);
      const headers = budget ? rateLimitHeaders(budget) : {};
      if (!(result instanceof Response)) return jsonResponse(result, 200, headers);
      for (const [name, value] of Object.entries(headers)) result.headers.set(name, value);
      return result;
    } catch (err) {
      // Errors speak the agent's language (the language cookie).
      if (err instanceof ApiError) return errorResponse(err, localeOfRequest(req));
      // Unexpected: log the kind only; request data may hold Aadhaar, PID or OTPs.
      console.error(`[route] ${req.method} ${new URL(req.url).pathname}: ${(err as Error)?.name ?? 'Error'}`);
      return errorResponse(new ApiError('internal'), localeOfRequest(req));
    }
  };
}
