import 'server-only';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod/mini';
import { checkRequest, type SessionUser } from '@/lib/auth/current-user';
import type { Role } from '@/lib/auth/roles';
import { type Locale, localeOfRequest } from '@/lib/i18n';
import { MOBILE_PATTERN } from '@/lib/schemas/mobile';
import { errorKind, logger, withLogContext } from '@/lib/log';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import type { SecurityAction } from '@/lib/audit/actions';
import { recordBlockedAttempt } from '@/lib/auth/events';
import { consume, type LimitCheck, RateLimitRefusal, rateLimitHeaders } from '@/lib/rate-limit';
import { ApiError, fieldsFromZod, serviceUnavailable } from './errors';
import { assertSameOrigin } from './origin';

// The one route-handler wrapper: request id → origin (state-changing methods) → session → role →
// parse (params, query, body) → rate limits → call → map errors → one log line. Handlers stay thin
// and never build error responses themselves.

type RouteParams = Promise<Record<string, string | string[] | undefined>>;

interface HandlerContext<P, Q, B, U> {
  req: Request;
  params: P;
  query: Q;
  body: B;
  user: U;
}

/** Who may call: one role, any signed-in user ('user'), or anyone ('public'). */
type Access = Role | 'user' | 'public';
type UserFor<A extends Access> = A extends 'public' ? SessionUser | null : SessionUser;

interface RouteOptions<A extends Access, P extends z.ZodMiniType, Q extends z.ZodMiniType, B extends z.ZodMiniType> {
  access: A;
  /**
   * Reachable while the user must still replace a password someone else chose (changing it,
   * signing out). Every other route answers 403 password_change_required until then.
   */
  duringPasswordChange?: boolean;
  params?: P;
  query?: Q;
  body?: B;
  /** Admin routes: a call this route's budgets refuse leaves a 'blocked' audit row of this action. */
  auditRefusalsAs?: SecurityAction | ((ctx: { body: z.output<B> }) => SecurityAction);
  /** Bodies above this are refused before parsing (PID blocks are a few KB). */
  maxBodyBytes?: number;
  /**
   * The budgets one call spends (lib/rate-limit/rules.ts), narrowest first. Spent after the input
   * parses, so a mistyped form costs the agent nothing, and before the handler, so a refused call
   * never reaches Eko.
   */
  limits?: (ctx: { params: z.output<P>; body: z.output<B>; user: UserFor<A> }) => LimitCheck[];
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

function parseWith<S extends z.ZodMiniType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ApiError('invalid_input', { fields: fieldsFromZod(parsed.error) });
  return parsed.data;
}

export function jsonResponse(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(data, { status, headers: { 'cache-control': 'no-store', ...headers } });
}

/** Appends Set-Cookie headers (several cookies cannot share one header value). */
export function withCookies(res: Response, cookies: readonly string[]): Response {
  for (const cookie of cookies) res.headers.append('set-cookie', cookie);
  return res;
}

export function errorResponse(error: ApiError, locale?: Locale): Response {
  return jsonResponse(error.toBody(locale), error.status, error.options.headers);
}

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * A proxy's id is kept only in the shapes proxies generate (a UUID, or nginx's 32 hex digits):
 * anything freer would let a caller write what it likes into every log line of the request.
 */
const INCOMING_REQUEST_ID = /^(?:[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export function requestIdOf(req: Request): string {
  const incoming = req.headers.get(REQUEST_ID_HEADER);
  return incoming && INCOMING_REQUEST_ID.test(incoming) ? incoming.toLowerCase() : randomUUID();
}

const MAX_LOGGED_SEGMENTS = 8;
const LOGGABLE_SEGMENT = [
  /^[a-z][a-z0-9-]{0,39}$/, // the route's own words: senders, ekyc, daily-auth
  MOBILE_PATTERN, // a mobile (not secret, and what support searches by)
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, // a user id
];

/**
 * The path as logged: segments the app itself would produce are kept, anything else (an Aadhaar
 * typed into the mobile box, junk from a scanner) becomes ":param". Never the query string.
 */
export function loggablePath(url: string): string {
  const segments = new URL(url).pathname.split('/').slice(1);
  const kept = segments.slice(0, MAX_LOGGED_SEGMENTS).map((s) => (LOGGABLE_SEGMENT.some((re) => re.test(s)) ? s : ':param'));
  return `/${kept.join('/')}${segments.length > MAX_LOGGED_SEGMENTS ? '/…' : ''}`;
}

function withHeader(res: Response, name: string, value: string): Response {
  try {
    res.headers.set(name, value);
    return res;
  } catch {
    // Immutable headers (a Response that came from fetch): copy it.
    const headers = new Headers(res.headers);
    headers.set(name, value);
    return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
  }
}

/** Spends the route's budgets; a refusal on an audited route leaves its (sampled) 'blocked' row. */
async function consumeFor(req: Request, audited: SecurityAction | undefined, checks: LimitCheck[], user: SessionUser | null) {
  try {
    return await consume(checks);
  } catch (err) {
    if (err instanceof RateLimitRefusal && audited) {
      await recordBlockedAttempt(req, {
        action: audited,
        detail: err.rule,
        budgetKey: `${err.rule}:${err.key}`,
        actorId: user?.id ?? null,
        startedAt: performance.now(),
      });
    }
    throw err;
  }
}

export function route<
  A extends Access,
  P extends z.ZodMiniType = z.ZodMiniUndefined,
  Q extends z.ZodMiniType = z.ZodMiniUndefined,
  B extends z.ZodMiniType = z.ZodMiniUndefined,
>(options: RouteOptions<A, P, Q, B>) {
  async function run(req: Request, ctx: { params: RouteParams }, seen: { userId: string | null }): Promise<Response> {
    try {
      // First: a forged cross-site call must not get as far as reading its body or the session.
      assertSameOrigin(req);
      let user: SessionUser | null = null;
      if (options.access !== 'public') {
        const check = await checkRequest(req);
        if (!check.user) throw new ApiError(check.reason === 'inactive' ? 'account_inactive' : 'unauthenticated');
        seen.userId = check.user.id;
        if (options.access !== 'user' && check.user.role !== options.access) throw new ApiError('forbidden');
        if (check.user.mustChangePassword && !options.duringPasswordChange) throw new ApiError('password_change_required');
        user = check.user;
      }
      const params = options.params ? parseWith(options.params, await ctx.params) : undefined;
      const query = options.query ? parseWith(options.query, Object.fromEntries(new URL(req.url).searchParams)) : undefined;
      const body = options.body ? parseWith(options.body, await parseJsonBody(req, options.maxBodyBytes ?? DEFAULT_MAX_BODY)) : undefined;

      const audited = typeof options.auditRefusalsAs === 'function' ? options.auditRefusalsAs({ body: body as z.output<B> }) : options.auditRefusalsAs;
      const budget = options.limits
        ? await consumeFor(req, audited, options.limits({ params, body, user } as { params: z.output<P>; body: z.output<B>; user: UserFor<A> }), user)
        : null;

      const result = await options.handler({ req, params, query, body, user } as HandlerContext<z.output<P>, z.output<Q>, z.output<B>, UserFor<A>>);
      const headers = budget ? rateLimitHeaders(budget) : {};
      if (!(result instanceof Response)) return jsonResponse(result, 200, headers);
      return Object.entries(headers).reduce((res, [name, value]) => withHeader(res, name, value), result);
    } catch (err) {
      // Errors speak the agent's language (the language cookie).
      if (err instanceof ApiError) return errorResponse(err, localeOfRequest(req));
      // Errors are logged by kind (class and code) only: request data may hold Aadhaar, PID or OTPs.
      if (isDatabaseUnavailable(err)) {
        logger().warn({ method: req.method, path: loggablePath(req.url), err: errorKind(err) }, 'database unavailable');
        return errorResponse(serviceUnavailable(), localeOfRequest(req));
      }
      logger().error({ method: req.method, path: loggablePath(req.url), err: errorKind(err) }, 'unexpected error');
      return errorResponse(new ApiError('internal'), localeOfRequest(req));
    }
  }

  return async (req: Request, ctx: { params: RouteParams }): Promise<Response> => {
    const started = performance.now();
    const reqId = requestIdOf(req);
    return withLogContext({ reqId }, async () => {
      const seen = { userId: null as string | null };
      const res = withHeader(await run(req, ctx, seen), REQUEST_ID_HEADER, reqId);
      logger().info(
        { method: req.method, path: loggablePath(req.url), status: res.status, ms: Math.round(performance.now() - started), userId: seen.userId },
        'request',
      );
      return res;
    });
  };
}
