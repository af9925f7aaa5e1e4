// Public ranking notice: no staff texts reach the browser.
import { ClientMessages } from '@/core/i18n/ClientMessages';

export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages area="publicNotice">{children}</ClientMessages>;
}
