'use client';

import { Button } from '@/components/ui/button';

/** The offline page stands in for whatever page failed to load; reloading asks for it again. */
export function ReloadButton({ label }: { label: string }) {
  return <Button onClick={() => window.location.reload()}>{label}</Button>;
}
