// District administration screens: their few extra styles (admin.css), nothing else.
import './admin.css';
import { ClientMessages } from '@/core/i18n/ClientMessages';

export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages area="admin">{children}</ClientMessages>;
}
