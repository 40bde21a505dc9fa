'use client';

import { useI18n } from '@/components/i18n/i18n-provider';
import { pageErrorMessage } from '@/lib/api/errors';

/**
 * Never a blank screen: a render error shows this, with a way to try again. The digest is all a
 * production build tells the browser of the error; for our own page errors (the database cannot
 * be reached) it names the code, so the page says what the API would.
 *
 * Plain markup styled in globals.css (.error-panel) in the look of an error Alert and a secondary
 * Button, not those components: a boundary that renders when something failed should depend on
 * as little as possible, and each error boundary (the app's and the site's) is a chunk of every
 * page's first load, so whatever it carries is downloaded once per boundary beside the page's own
 * copy (2.2 KiB gzip a page when it imported Alert, Button and clsx; issue 16, part 2).
 */
export function ErrorPanel({ reset, digest }: { reset: () => void; digest?: string }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="error-panel">
      <p data-testid="page-error">{t(pageErrorMessage(digest))}</p>
      <button type="button" onClick={reset}>
        {t('common.retry')}
      </button>
    </div>
  );
}
