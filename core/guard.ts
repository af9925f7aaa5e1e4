// The one way to define a server action or a route handler (STYLE: saas-starter's
// validatedActionWithUser, Dub's withWorkspace). Each declares who may run it next to its code;
// the guard resolves the caller's scope (core/auth/session.ts, the one place), reads and
// validates the input, runs the handler and maps every AppError to a typed action state or an
// HTTP response in one place. Handlers never catch AppError themselves. Next's own control flow
// (redirect(), notFound()) passes through untouched.
import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import type { Role } from './domain/types';
import { AppError, ParamError } from './errors';
import { currentUser, getScope, requestCaller } from './auth/session';
import { fieldErrors, messageOf } from './forms/field-errors';
import { readForm, withoutNul } from './forms/read';
import type { ActionState, FormValues, Refusal } from './forms/state';
import type { Scope } from './scope';

export const ALL_ROLES: readonly Role[] = ['coordinator', 'evaluator', 'leader', 'districtAdmin', 'platformAdmin'];

// ---------------------------------------------------------------------------------------------
// Server actions

interface ActionDef<I> {
  /** Who may run it (checked before anything is read); the data layer checks again. */
  roles: readonly Role[];
  /** The input schema (FormData values are strings: use the field helpers of core/forms/fields.ts). */
  schema?: z.ZodType<I>;
  /** Fields that repeat (checkbox groups), read as arrays. */
  arrays?: readonly string[];
  /** A malformed input names a record that cannot exist (hidden ids): answer notFound, not field errors. */
  malformed?: 'invalid' | 'notFound';
  /** Fields never sent back with a refusal (secrets: passwords, keys); everything else typed is kept. */
  hide?: readonly string[];
}

export interface ActionContext<I> {
  scope: Scope;
  input: I;
  /** What was typed, as strings. */
  values: FormValues;
  /** The cleaned FormData (files). */
  data: FormData;
}

/**
 * A handler answers the form's state R, a shared ActionState, or nothing (`saved`). A custom state
 * type R (e.g. one with `stale`) lists the shared variants it can receive — the guard itself
 * answers `forbidden`, `notFound`, `invalid` or `saved` — so the form handles every outcome.
 */
type Handler<I, R> = (ctx: ActionContext<I>) => Promise<NoInfer<R> | ActionState | void>;

/**
 * A server action: `export const saveZoneAction = defineAction({ roles: ['districtAdmin'], schema }, async ({ scope, input }) => …)`.
 * The handler returns a state (or nothing: `saved`); thrown AppErrors become refusals.
 */
export function defineAction<I = Record<string, string | string[]>, R extends { status: string } = ActionState>(
  def: ActionDef<I>,
  handler: Handler<I, R>,
): (prev: R, formData: FormData) => Promise<R> {
  return async (_prev, formData) => runAction(def, getScope, handler, formData);
}

/** The signed-in user's own account (the password change), reachable before a temporary password was replaced. */
export function defineAccountAction<I, R extends { status: string } = ActionState>(def: Omit<ActionDef<I>, 'roles'>, handler: Handler<I, R>): (prev: R, formData: FormData) => Promise<R> {
  return async (_prev, formData) => runAction({ ...def, roles: ALL_ROLES }, currentUser, handler, formData);
}

/** A public action (no sign-in: survey answers, objections on the 公示). The handler gets no scope. */
export function definePublicAction<I, R extends { status: string } = ActionState>(
  def: Omit<ActionDef<I>, 'roles'>,
  handler: (ctx: Omit<ActionContext<I>, 'scope'>) => Promise<NoInfer<R> | ActionState | void>,
): (prev: R, formData: FormData) => Promise<R> {
  return async (_prev, formData) => {
    const form = readForm(formData, def.arrays);
    const kept = keptValues(form.values, def.hide);
    const parsed = parse(def, form.fields, kept);
    if (!parsed.ok) return parsed.state as R;
    return settle<R>(() => handler({ input: parsed.input, values: form.values, data: form.data }), kept);
  };
}

async function runAction<I, R extends { status: string }>(def: ActionDef<I>, resolve: () => Promise<Scope | null>, handler: Handler<I, R>, formData: unknown): Promise<R> {
  const form = readForm(formData, def.arrays);
  const kept = keptValues(form.values, def.hide);
  const scope = await resolve();
  if (!scope || !def.roles.includes(scope.role)) return { status: 'forbidden', values: kept } as unknown as R;
  const parsed = parse(def, form.fields, kept);
  if (!parsed.ok) return parsed.state as R;
  return settle(() => handler({ scope, input: parsed.input, values: form.values, data: form.data }), kept);
}

function keptValues(values: FormValues, hide: readonly string[] | undefined): FormValues {
  return hide?.length ? Object.fromEntries(Object.entries(values).filter(([k]) => !hide.includes(k))) : values;
}

function parse<I>(def: Omit<ActionDef<I>, 'roles'>, fields: Record<string, unknown>, kept: FormValues): { ok: true; input: I } | { ok: false; state: ActionState } {
  if (!def.schema) return { ok: true, input: fields as I };
  const r = def.schema.safeParse(fields);
  if (r.success) return { ok: true, input: r.data };
  if (def.malformed === 'notFound') return { ok: false, state: { status: 'notFound' } };
  return { ok: false, state: { status: 'invalid', fieldErrors: fieldErrors(r.error), values: kept } };
}

async function settle<R extends { status: string }>(run: () => Promise<R | ActionState | void>, kept: FormValues): Promise<R> {
  try {
    const out = await run();
    if (!out) return { status: 'saved' } as R;
    // A refusal or field error the handler returned keeps what was typed, like a thrown one.
    if ((out.status === 'invalid' || out.status === 'conflict') && !('values' in out)) return { ...out, values: kept } as unknown as R;
    return out as R;
  } catch (e) {
    unstable_rethrow(e);
    return actionStateOf(e, kept) as R;
  }
}

/** An error thrown by a data function → the state the form shows. */
function actionStateOf(e: unknown, values: FormValues): ActionState {
  if (e instanceof AppError) {
    switch (e.code) {
      case 'notFound':
      case 'forbidden':
      case 'unavailable':
      case 'rateLimited':
        return { status: e.code, values };
      case 'conflict':
        return { status: 'conflict', message: e.message === 'conflict' ? undefined : e.message, values };
      case 'locked':
        return { status: 'locked', block: String(e.detail ?? 'closed'), values };
      case 'badRequest': {
        // A data function that found one field wrong names it: shown beside the field.
        const field = (e.detail as { field?: unknown } | undefined)?.field;
        if (typeof field === 'string') return { status: 'invalid', fieldErrors: { [field]: messageOf(e.message) }, values };
        return { status: 'error', values };
      }
      default:
        return { status: 'error', values };
    }
  }
  console.error('[action]', e instanceof Error ? e.message : e);
  return { status: 'error', values };
}

/**
 * A server action called as a function with plain arguments rather than a form (autosave,
 * evidence links): `defineCall({ roles, args: z.tuple([...]) }, ({ scope, input }) => …)`. The
 * arguments are validated like a form (anything else answers `notFound`: they only name records);
 * refusals come back as the same Refusal states.
 */
export function defineCall<A extends unknown[], R>(
  def: { roles: readonly Role[]; args: z.ZodType<A> },
  handler: (ctx: { scope: Scope; input: A }) => Promise<R>,
): (...args: unknown[]) => Promise<R | Refusal> {
  return async (...args) => {
    const scope = await getScope();
    if (!scope || !def.roles.includes(scope.role)) return { status: 'forbidden' };
    const parsed = def.args.safeParse(args.map((a) => (typeof a === 'string' ? withoutNul(a) : a)));
    if (!parsed.success) return { status: 'notFound' };
    try {
      return await handler({ scope, input: parsed.data });
    } catch (e) {
      unstable_rethrow(e);
      const { values: _v, ...refusal } = actionStateOf(e, {}) as Refusal;
      return refusal as Refusal;
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Route handlers (read API, exports, files, uploads)

interface RouteDef {
  roles: readonly Role[];
  /** The read API also accepts `Authorization: Bearer <token>`. */
  tokens?: boolean;
  /** The only query parameters accepted; any other is a 400 naming it. */
  params?: readonly string[];
  /** Status for a caller without a usable session (401), or 404 where the route's existence is not to be confirmed. */
  anonymous?: 401 | 404;
  /** Status for a caller whose role may not use it, and for `forbidden` from the data layer. */
  forbidden?: 403 | 404;
  /** Error bodies: JSON `{ error, message }` (API, uploads) or plain text (downloads). */
  errors?: 'json' | 'text';
}

export interface RouteContext<P> {
  scope: Scope;
  req: Request;
  params: P;
  query: URLSearchParams;
}

type RouteArgs<P> = { params: Promise<P> };

const JSON_HEADERS = { 'Cache-Control': 'no-store', 'Content-Type': 'application/json; charset=utf-8' };

const API_MESSAGES: Record<string, string> = {
  unauthenticated: 'Sign in, or send an API token as "Authorization: Bearer <token>" (create one at /account/tokens).',
  forbidden: 'Your role may not read this API.',
  notFound: 'Not found, or outside your scope.',
  error: 'The request could not be completed.',
};

/**
 * A route handler: `export const GET = defineRoute({ roles: ['evaluator', 'leader'], tokens: true, params: ['year'] }, ({ scope, query }) => …)`.
 * A handler returns a Response, or any other value, sent as JSON.
 */
export function defineRoute<P = Record<string, never>>(def: RouteDef, handler: (ctx: RouteContext<P>) => Promise<Response | unknown>): (req: Request, args?: RouteArgs<P>) => Promise<Response> {
  return async (req, args) => {
    const style = def.errors ?? 'json';
    try {
      const caller = await requestCaller(req, { tokens: def.tokens ?? false });
      if ('refusal' in caller) {
        // A temporary password opens nothing but the password page (issue 13): known, refused.
        if (caller.refusal === 'mustChangePassword') return refuse(style, def.forbidden ?? 403, 'forbidden');
        return refuse(style, def.anonymous ?? 401, 'unauthenticated', def.tokens);
      }
      const { scope } = caller;
      // The parameters a route takes are no secret: a typo is a 400 for every signed-in caller.
      const query = new URL(req.url).searchParams;
      if (def.params) for (const k of query.keys()) if (!def.params.includes(k)) throw new ParamError(k, `unknown parameter "${k}"; allowed: ${def.params.join(', ')}`);
      if (!def.roles.includes(scope.role)) return refuse(style, def.forbidden ?? 403, 'forbidden');
      const params = ((await args?.params) ?? {}) as P;
      const out = await handler({ scope, req, params, query });
      return out instanceof Response ? out : new Response(JSON.stringify(out), { status: 200, headers: JSON_HEADERS });
    } catch (e) {
      unstable_rethrow(e);
      return errorResponse(e, style, def.forbidden ?? 403);
    }
  };
}

/** An error thrown by a handler or a data function → its HTTP response (never a stack trace). */
export function errorResponse(e: unknown, style: 'json' | 'text', forbidden: 403 | 404 = 403): Response {
  if (e instanceof AppError) {
    if (e.code === 'forbidden' && forbidden === 404) return refuse(style, 404, 'notFound');
    if (e.code === 'badRequest') {
      const param = e instanceof ParamError ? e.param : undefined;
      return style === 'json' ? new Response(JSON.stringify({ error: 'badRequest', ...(param ? { param } : {}), message: e.message }), { status: 400, headers: JSON_HEADERS }) : text(400, e.message);
    }
    if (e.code === 'locked' && style === 'json') return new Response(JSON.stringify({ error: 'locked', block: e.detail, message: 'locked' }), { status: e.status, headers: JSON_HEADERS });
    return refuse(style, e.status, e.code);
  }
  console.error('[route]', e instanceof Error ? e.message : e);
  return refuse(style, 500, 'error');
}

function refuse(style: 'json' | 'text', status: number, code: string, bearer = false): Response {
  const error = status === 404 ? 'notFound' : code;
  if (style === 'text') return text(status, error);
  const headers: Record<string, string> = status === 401 && bearer ? { ...JSON_HEADERS, 'WWW-Authenticate': 'Bearer' } : JSON_HEADERS;
  return new Response(JSON.stringify({ error, message: API_MESSAGES[error] ?? error }), { status, headers });
}

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}
