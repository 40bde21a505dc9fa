import { redirect } from 'next/navigation';
import { homeFor, optionalPageUser } from '@/lib/auth/current-user';

export default async function Home() {
  const user = await optionalPageUser();
  redirect(user ? homeFor(user.role) : '/login');
}
