// Next 16 interceptor: every page except sign-in and the public pages needs a session.
// Role and scope checks happen per request in the data layer; this only turns strangers away early.
import { withAuth } from 'next-auth/middleware';

export default withAuth({ pages: { signIn: '/login' } });

export const config = {
  matcher: ['/((?!login|api/auth|api/health|api/v1|p/|s/|s$|notice/|_next/|favicon.ico|robots.txt).+)'],
};
