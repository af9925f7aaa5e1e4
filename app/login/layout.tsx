// Sign-in: the client texts of the sign-in form only.
import { ClientMessages } from '@/core/i18n/ClientMessages';

export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages area="login">{children}</ClientMessages>;
}
