'use client';

import { MIN_WITHDRAWAL_NM_POINTS } from '@/lib/aeps/amount';
import type { AepsFlow } from '@/lib/aeps/types';
import { formatMobile } from '@/lib/i18n/core';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Facts } from '@/components/ui/facts';
import { useI18n } from '@/components/i18n/i18n-provider';
import { useBanks } from '@/components/forms/bank-select';
import { AadhaarStep } from '@/components/ekyc/aadhaar-step';
import { CaptureStep } from '@/components/ekyc/capture-step';
import { LocationField } from './location-field';
import type { useLocation } from './use-location';

// The AePS transaction's steps after the customer's details, fetched apart from the page
// (transaction-flow.tsx holds the state and sends the transaction).

const CUSTOMER_AADHAAR_TEXT = {
  label: 'aeps.tx.aadhaar.label',
  hint: 'aeps.tx.aadhaar.hint',
  consentTitle: 'aeps.tx.consent.title',
  consent: 'aeps.tx.consent',
  checkbox: 'aeps.tx.consent.checkbox',
  submit: 'aeps.tx.toFingerprint',
} as const;

export interface Customer {
  customerMobile: string;
  bankCode: string;
  /** Whole rupees; withdrawals only. */
  amount: number | null;
}
export interface Identity {
  aadhaar: string;
  masked: string;
  latlong: string;
}

/** What the agent typed so far, with a way back to change it (nothing of the Aadhaar is shown but its mask). */
function Summary({ flow, customer, masked, onChange }: { flow: AepsFlow; customer: Customer; masked: string | null; onChange: () => void }) {
  const { t, inr } = useI18n();
  const banks = useBanks();
  const bank = banks.find((b) => b.code === customer.bankCode)?.name ?? customer.bankCode;
  const rows: [string, string, string?][] = [
    [t('aeps.receipt.customer'), formatMobile(customer.customerMobile)],
    [t('receipt.bank'), bank],
  ];
  if (flow === 'withdrawal' && customer.amount !== null) rows.push([t('aeps.tx.payOutAmount'), inr(customer.amount), 'summary-amount']);
  if (masked) rows.push([t('aeps.receipt.aadhaar'), masked, 'summary-aadhaar']);
  return (
    <div className="flex flex-col gap-3 rounded-lg bg-slate-50 p-4" data-testid="aeps-summary">
      <Facts rows={rows} />
      {flow === 'withdrawal' && customer.amount !== null && <p className="font-bold">{t('aeps.tx.collectNothing', { amount: inr(customer.amount) })}</p>}
      <div>
        <Button variant="ghost" onClick={onChange}>
          {t('aeps.tx.change')}
        </Button>
      </div>
    </div>
  );
}

/** What was typed (with a way back), then the customer's Aadhaar with the location, then their fingerprint. */
export function IdentitySteps({
  flow,
  customer,
  identity,
  location,
  aadhaarError,
  captureError,
  sending,
  onChange,
  onSealed,
  onCaptured,
}: {
  flow: AepsFlow;
  customer: Customer;
  identity: Identity | null;
  location: ReturnType<typeof useLocation>;
  aadhaarError: string | undefined;
  captureError: string | null;
  sending: boolean;
  onChange: () => void;
  onSealed: (identity: Identity) => void;
  onCaptured: (piddata: string) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <Summary flow={flow} customer={customer} masked={identity?.masked ?? null} onChange={onChange} />
      {!identity ? (
        <AadhaarStep
          use={{ purpose: 'aeps_transaction', mobile: customer.customerMobile }}
          text={CUSTOMER_AADHAAR_TEXT}
          ready={location.state.kind === 'ok'}
          serverError={aadhaarError}
          onSealed={(aadhaar, masked) => {
            if (location.state.kind === 'ok') onSealed({ aadhaar, masked, latlong: location.state.latlong });
          }}
        >
          <LocationField state={location.state} onAsk={location.ask} />
        </AadhaarStep>
      ) : sending ? (
        <Alert tone="info" testId="aeps-sending">
          {t(flow === 'withdrawal' ? 'aeps.tx.sendingWithdrawal' : 'aeps.tx.sending')}
        </Alert>
      ) : (
        <>
          {captureError && (
            <Alert tone="error" testId="capture-refused">
              {captureError}
            </Alert>
          )}
          <CaptureStep
            purpose="auth"
            stage={`aeps.${flow}`}
            instructions="aeps.tx.capture.instructions"
            minNmPoints={flow === 'withdrawal' ? MIN_WITHDRAWAL_NM_POINTS : undefined}
            onCaptured={onCaptured}
          />
        </>
      )}
    </>
  );
}
