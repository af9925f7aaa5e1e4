// District administration screens: their few extra styles (admin.css), nothing else.
import './admin.css';

export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return children;
}
