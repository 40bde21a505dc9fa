import { AppLink } from '@/components/ui/app-link';

/** A link to /logout, whose buttons sign out (opening it signs nobody out). */
export function LogoutButton({ label }: { label: string }) {
  return (
    <AppLink
      href="/logout"
      className="inline-flex min-h-touch items-center justify-center rounded-lg border border-slate-400 bg-white px-4 py-2 font-semibold text-slate-900 hover:bg-slate-100"
    >
      {label}
    </AppLink>
  );
}
