// Platform administration screens share the district administration's extra styles.
import '../(admin)/admin.css';

export default function PlatformLayout({ children }: { children: React.ReactNode }) {
  return children;
}
