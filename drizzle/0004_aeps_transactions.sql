ALTER TABLE "transactions" ADD COLUMN "bank_code" varchar(12);--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "aadhaar_last4" varchar(4);--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "customer_balance_paise" bigint;--> statement-breakpoint
CREATE UNIQUE INDEX "transactions_one_pending_withdrawal_per_customer" ON "transactions" USING btree ("sender_mobile") WHERE "transactions"."kind" = 'aeps_withdrawal' and "transactions"."state" in ('sending', 'unknown', 'awaited', 'hold');