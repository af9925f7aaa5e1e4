// Guard for the read API (issue 4). proxy.ts lets /api/v1 through, so every route authenticates
// here: `Authorization: Bearer <token>` (api_tokens) or the session cookie. Errors are JSON with
// fixed codes: 400 bad parameter, 401 no or bad credentials, 403 role, 404 out of scope.
import 'server-only';
import { getScope } from '@/core/auth/session';
import { AppError, type Scope } from '@/core/scope';
import { scopeFromToken } from '@/core/auth/tokens';
import { ParamError, rejectUnknownParams } from '@/core/http/params';

const HEADERS = { 'Cache-Control': 'no-store', 'Content-Type': 'application/json; charset=utf-8' };

function json(body: unknown, status: number, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...HEADERS, ...extra } });
}

const MESSAGES: Record<string, string> = {
  unauthenticated: 'Sign in, or send an API token as "Authorization: Bearer <token>" (create one at /account/tokens).',
  forbidden: 'Your role may not read this API.',
  mustChangePassword: 'Change your temporary password first, at /account/password.',
  notFound: 'Not found, or outside your scope.',
};

/** A bearer header wins over the cookie; a malformed or unknown token is a 401, never a fallback. */
async function resolveScope(req: Request): Promise<Scope | null> {
  const header = req.headers.get('authorization');
  if (header !== null) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return m ? scopeFromToken(m[1]!) : null;
  }
  return getScope();
}

export function apiRoute(allowed: readonly string[], fn: (scope: Scope, params: URLSearchParams) => Promise<unknown>) {
  return async function GET(req: Request): Promise<Response> {
    try {
      const scope = await resolveScope(req);
      if (!scope) return json({ error: 'unauthenticated', message: MESSAGES.unauthenticated }, 401, { 'WWW-Authenticate': 'Bearer' });
      // The session may only be used to change the password (issue 13; tokens of such users are refused outright).
      if (scope.mustChangePassword) return json({ error: 'forbidden', message: MESSAGES.mustChangePassword }, 403);
      const params = new URL(req.url).searchParams;
      rejectUnknownParams(params, allowed);
      return json(await fn(scope, params), 200);
    } catch (e) {
      if (e instanceof ParamError) return json({ error: 'badRequest', param: e.param, message: e.message }, 400);
      if (e instanceof AppError) {
        const message = e.code === 'badRequest' ? e.message : (MESSAGES[e.code] ?? e.code);
        return json({ error: e.code, message }, e.status);
      }
      console.error('[api]', e instanceof Error ? e.message : e);
      return json({ error: 'error', message: 'The request could not be completed.' }, 500);
    }
  };
}
