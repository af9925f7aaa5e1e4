// next-auth's endpoints (/api/auth/*). A callback URL that is neither a path nor an http(s) URL —
// in the query or in next-auth's callback-url cookie — makes next-auth 4 answer 500 ("server
// configuration"); it is a bad request, so it gets a 400 here first (issue 13), and a bad cookie is
// cleared so the browser is not stuck with it. Any method but POST on the sign-in callback is a
// 405 rather than next-auth's 500.
import NextAuth from 'next-auth';
import { authOptions } from '@/core/auth/options';
import { callbackCookieName, isAcceptableCallbackUrl } from '@/core/auth/callback-url';

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

function badRequest(clearCookie: string | null): Response {
  const headers = new Headers({ 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  if (clearCookie) headers.append('Set-Cookie', `${clearCookie}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`);
  return new Response(JSON.stringify({ error: 'badRequest', message: 'callbackUrl must be a path or an http(s) URL' }), { status: 400, headers });
}

function cookieValue(req: Request, name: string): string | null {
  for (const part of (req.headers.get('cookie') ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return part.slice(i + 1).trim();
      }
    }
  }
  return null;
}

async function guarded(req: Request, ctx: Context): Promise<Response> {
  const query = new URL(req.url).searchParams.get('callbackUrl');
  if (query && !isAcceptableCallbackUrl(query)) return badRequest(null);
  const name = callbackCookieName();
  const cookie = cookieValue(req, name);
  if (cookie && !isAcceptableCallbackUrl(cookie)) return badRequest(name);
  // The credentials callback takes a POST; next-auth answers any other method with a 500.
  const [action] = (await ctx.params).nextauth ?? [];
  if (action === 'callback' && req.method !== 'POST') {
    return new Response(JSON.stringify({ error: 'methodNotAllowed', message: 'Sign in with a POST' }), { status: 405, headers: { Allow: 'POST', 'Content-Type': 'application/json; charset=utf-8' } });
  }
  return handler(req, ctx);
}

export { guarded as GET, guarded as POST };
