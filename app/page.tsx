import { redirect } from 'next/navigation';
import { currentUser, ROLE_HOME } from '@/core/auth/session';

export const dynamic = 'force-dynamic';

export default async function Home() {
  const scope = await currentUser();
  if (!scope) redirect('/login');
  if (scope.mustChangePassword) redirect('/account/password');
  redirect(ROLE_HOME[scope.role]);
}
