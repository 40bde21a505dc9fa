import { Button } from '@/components/ui/button';

/**
 * Sign-out is a POST from this page only (the route checks the Origin), never a link that signs
 * the agent out when it is opened. Plain forms: they work before (and without) JavaScript, and the
 * route answers them with a redirect to the login page.
 */
export function SignOut({ labels }: { labels: { here: string; everywhere: string; everywhereHint: string } }) {
  return (
    <div className="flex flex-col gap-4">
      <form method="post" action="/api/auth/logout">
        <Button type="submit" data-testid="sign-out">
          {labels.here}
        </Button>
      </form>
      <form method="post" action="/api/auth/logout?scope=all" className="flex flex-col gap-2">
        <p className="text-slate-700">{labels.everywhereHint}</p>
        <div>
          <Button type="submit" variant="secondary" data-testid="sign-out-everywhere">
            {labels.everywhere}
          </Button>
        </div>
      </form>
    </div>
  );
}
