// Leadership screens: the client texts they use, nothing else.
import { ClientMessages } from '@/core/i18n/ClientMessages';

export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages area="leadership">{children}</ClientMessages>;
}
