'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { useI18n } from '@/components/i18n/i18n-provider';

export function LogoutButton() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="secondary"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        // Whatever the network says, leave: the cookie is httpOnly and the server clears it.
        await fetch('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
        window.location.assign('/login');
      }}
    >
      {t('nav.logout')}
    </Button>
  );
}
