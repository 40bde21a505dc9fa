'use client';

import { useEffect, useRef, useState } from 'react';
import { normaliseMobileInput, parseMobile, PASTED_MOBILE_PATTERN } from '@/lib/schemas/mobile';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useI18n } from '@/components/i18n/i18n-provider';
import { useHydrated } from '@/components/forms/use-hydrated';

// One field and one rule (parseMobile is mobileSchema's own check): no form library and no zod on
// the page agents open most. Both were about 30 KiB gzip of its first load and most of its
// hydration work on a slow tablet (issue 16, parts 1–2).

interface Props {
  initialMobile: string;
  searching: boolean;
  onSearch: (mobile: string) => void;
}

export function SenderSearchForm({ initialMobile, searching, onSearch }: Props) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [invalid, setInvalid] = useState(false);
  // Until this code runs, a search is a plain GET form: the browser's own check (the pattern)
  // keeps anything that is not a mobile, an Aadhaar number above all, out of the URL. Once it
  // runs, the message shows in the agent's language instead.
  const hydrated = useHydrated();

  // Back and forward change the URL's sender: the box follows (but not on mount: the box is
  // uncontrolled, so digits typed before this part of the page came alive are kept).
  const shownMobile = useRef(initialMobile);
  useEffect(() => {
    if (shownMobile.current === initialMobile || !input.current) return;
    shownMobile.current = initialMobile;
    input.current.value = initialMobile;
    setInvalid(false);
  }, [initialMobile]);

  return (
    <form
      role="search"
      noValidate={hydrated}
      onSubmit={(e) => {
        e.preventDefault();
        const mobile = parseMobile(input.current?.value ?? '');
        setInvalid(mobile === null);
        if (mobile) onSearch(mobile);
      }}
      className="flex flex-col gap-3 sm:flex-row sm:items-end"
    >
      <div className="flex-1">
        <TextField
          ref={input}
          name="mobile"
          defaultValue={initialMobile}
          onChange={(e) => {
            const cleaned = normaliseMobileInput(e.target.value);
            if (cleaned !== e.target.value) e.target.value = cleaned;
          }}
          label={t('senders.search.label')}
          hint={t('senders.search.hint')}
          error={invalid ? t('validation.mobile') : undefined}
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
