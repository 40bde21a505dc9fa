'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { normaliseMobileInput, PASTED_MOBILE_PATTERN } from '@/lib/schemas/mobile';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useI18n } from '@/components/i18n/i18n-provider';
import { lazyResolver } from '@/components/forms/lazy-resolver';
import { useHydrated } from '@/components/forms/use-hydrated';
import { fieldError } from '@/components/forms/field-error';

// The search box is the page's first control: zod and the schema arrive just after the page.
const lookup = lazyResolver<{ mobile: string }>(() => import('@/lib/schemas/sender').then((m) => zodResolver(m.senderLookupSchema)));

interface Props {
  initialMobile: string;
  searching: boolean;
  onSearch: (mobile: string) => void;
}

export function SenderSearchForm({ initialMobile, searching, onSearch }: Props) {
  const { t, tMaybe } = useI18n();
  const { register, handleSubmit, formState, setValue } = useForm<{ mobile: string }>({
    resolver: lookup.resolver,
    // No default when the URL names no sender: react-hook-form then takes what is already in the
    // box, so digits typed before this part of the page came alive are kept.
    defaultValues: initialMobile ? { mobile: initialMobile } : undefined,
  });
  useEffect(() => lookup.preload(), []);
  // Until this code runs, a search is a plain GET form: the browser's own check (the pattern)
  // keeps anything that is not a mobile, an Aadhaar number above all, out of the URL. Once it
  // runs, react-hook-form checks and shows the message in the agent's language instead.
  const hydrated = useHydrated();

  // Back and forward change the URL's sender: the box follows (but not on mount, see above).
  const shownMobile = useRef(initialMobile);
  useEffect(() => {
    if (shownMobile.current === initialMobile) return;
    shownMobile.current = initialMobile;
    setValue('mobile', initialMobile);
  }, [initialMobile, setValue]);

  const field = register('mobile', {
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      const cleaned = normaliseMobileInput(e.target.value);
      if (cleaned !== e.target.value) setValue('mobile', cleaned);
    },
  });

  return (
    <form
      role="search"
      noValidate={hydrated}
      onSubmit={handleSubmit(({ mobile }) => onSearch(mobile))}
      className="flex flex-col gap-3 sm:flex-row sm:items-end"
    >
      <div className="flex-1">
        <TextField
          {...field}
          label={t('senders.search.label')}
          hint={t('senders.search.hint')}
          error={fieldError(tMaybe, formState.errors.mobile?.message)}
          type="tel"
          inputMode="numeric"
          autoComplete="off"
          enterKeyHint="search"
          // Room for a pasted "+91 90000 00001"; the pattern accepts what parsePastedMobile does.
          maxLength={16}
          pattern={PASTED_MOBILE_PATTERN}
          // The browser shows this when the pattern refuses a search made before hydration.
          title={t('validation.mobile')}
          autoFocus={initialMobile === ''}
          className="text-lg tracking-wider tabular-nums"
        />
      </div>
      <Button type="submit" disabled={searching} className="sm:mb-0">
        {searching ? t('senders.search.searching') : t('senders.search.submit')}
      </Button>
    </form>
  );
}
