// Platform administration screens share the district administration's extra styles.
import '../(admin)/admin.css';
import { ClientMessages } from '@/core/i18n/ClientMessages';

export default function PlatformLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages area="platform">{children}</ClientMessages>;
}
