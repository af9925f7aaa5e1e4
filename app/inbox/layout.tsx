// Inbox: the client texts of reminders only.
import { ClientMessages } from '@/core/i18n/ClientMessages';

export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages area="account">{children}</ClientMessages>;
}
