'use client';

import clsx from 'clsx';
import { lazy, Suspense, useState } from 'react';
import { type AddRecipientOutcome, panBlocksAll, type Recipient, type RecipientList } from '@/lib/transfers/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { LinkButton } from '@/components/ui/link-button';
import { Spinner } from '@/components/ui/spinner';
import { useI18n } from '@/components/i18n/i18n-provider';
import { ApiErrorAlert } from '@/components/forms/api-error-alert';
import { PendingTransfers } from './pending-transfers';
import { useRupees } from '@/components/ui/rupees';
import { RECIPIENTS_PREFETCHED_FOR, useRecipients } from './use-transfers';

// The form (react-hook-form, zod, the IFSC look-up) is for a sender with no recipients or an agent
// adding one: it loads then, not with the sender desk every agent opens first (issue 16, part 2).
const AddRecipientForm = lazy(() => import('./add-recipient-form').then((m) => ({ default: m.AddRecipientForm })));

function PanNotice({ list }: { list: RecipientList }) {
  const { t } = useI18n();
  const rupees = useRupees();
  if (!list.panRequired) return null;
  return (
    <Alert tone="warning" testId="pan-required">
      <p className="font-semibold">{t('recipients.pan.title')}</p>
      <p className="mt-1">{panBlocksAll(list) ? t('recipients.pan.blocked') : t('recipients.pan.upTo', { limit: rupees(list.limitBeforePanPaise ?? 0) })}</p>
    </Alert>
  );
}

function RecipientItem({ recipient, mobile, blocked, highlight }: { recipient: Recipient; mobile: string; blocked: boolean; highlight: boolean }) {
  const { t } = useI18n();
  return (
    <li
      className={clsx(
        'flex flex-wrap items-center justify-between gap-3 rounded-lg border p-3',
        highlight ? 'border-brand-700 bg-brand-50' : 'border-slate-300 bg-white',
      )}
      data-testid="recipient"
      data-recipient={recipient.id}
    >
      <div className="min-w-0">
        <p className="flex flex-wrap items-center gap-2 text-lg font-bold">
          {recipient.name}
          <span
            className={clsx(
              'rounded-full border px-2 py-0.5 text-xs font-semibold',
              recipient.verified ? 'border-green-700 text-green-900' : 'border-slate-500 text-slate-800',
            )}
            data-testid="recipient-verified"
          >
            {recipient.verified ? t('recipient.verified') : t('recipient.notVerified')}
          </span>
        </p>
        <p className="text-slate-800">{recipient.bank}</p>
        <p className="text-sm text-slate-800 tabular-nums">
          <span className="sr-only">{t('recipient.account')}: </span>
          <span data-testid="recipient-account">{recipient.accountMasked}</span> · {t('recipient.ifsc.short')} {recipient.ifsc}
        </p>
      </div>
      {blocked ? (
        <p className="text-sm font-semibold text-amber-950">{t('recipients.pan.short')}</p>
      ) : (
        <LinkButton href={`/senders/${mobile}/send/${recipient.id}`} variant="primary" aria-label={t('recipient.send.named', { name: recipient.name })}>
          {t('recipient.send')}
        </LinkButton>
      )}
    </li>
  );
}

/** The sender card's money part: transfers still open, the recipients, and Add recipient. */
export function RecipientsSection({ mobile }: { mobile: string }) {
  const { t } = useI18n();
  // Asked for a moment before, while this section's code loaded (sender-money.tsx).
  const recipients = useRecipients(mobile, RECIPIENTS_PREFETCHED_FOR);
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<AddRecipientOutcome | null>(null);

  const list = recipients.data;
  const showForm = adding || (list !== undefined && list.recipients.length === 0 && added === null);

  return (
    <section aria-labelledby="recipients-title" className="mt-6 flex flex-col gap-4 border-t border-slate-200 pt-4" data-testid="recipients">
      <PendingTransfers senderMobile={mobile} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="recipients-title" className="text-xl font-bold">
          {t('recipients.title')}
        </h3>
        {list && !showForm && (
          <Button
            variant="secondary"
            onClick={() => {
              setAdded(null);
              setAdding(true);
            }}
          >
            {t('recipient.add.open')}
          </Button>
        )}
      </div>

      {recipients.isPending && <Spinner label={t('recipients.loading')} />}
      {recipients.isError && <ApiErrorAlert error={recipients.error} onRetry={() => void recipients.refetch()} />}

      {added && (
        <Alert tone={added.kind === 'added' ? 'success' : 'info'} testId="recipient-added">
          {added.kind === 'added'
            ? t('recipient.add.done', { name: added.recipient.name })
            : added.recipient
              ? t('recipient.add.exists', { name: added.recipient.name })
              : t('recipient.add.existsUnnamed')}
        </Alert>
      )}

      {list && (
        <>
          <PanNotice list={list} />
          {list.recipients.length === 0 ? (
            <p className="text-slate-800" data-testid="recipients-empty">
              {t('recipients.empty')}
            </p>
          ) : (
            <ul className="flex flex-col gap-2" aria-labelledby="recipients-title">
              {list.recipients.map((r) => (
                <RecipientItem key={r.id} recipient={r} mobile={mobile} blocked={panBlocksAll(list)} highlight={added?.recipient?.id === r.id} />
              ))}
            </ul>
          )}
          {showForm && (
            <Suspense fallback={<Spinner label={t('recipients.formLoading')} />}>
              <AddRecipientForm
                mobile={mobile}
                onDone={(outcome) => {
                  setAdded(outcome);
                  setAdding(false);
                }}
                onCancel={list.recipients.length > 0 ? () => setAdding(false) : undefined}
              />
            </Suspense>
          )}
        </>
      )}
    </section>
  );
}
