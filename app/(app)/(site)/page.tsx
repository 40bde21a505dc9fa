import { redirect } from 'next/navigation';
import { homeFor, loginUrl, pageSession } from '@/lib/auth/current-user';

export default async function Home() {
  const check = await pageSession();
  redirect(check.user ? homeFor(check.user.role) : loginUrl(null, check.reason));
}
