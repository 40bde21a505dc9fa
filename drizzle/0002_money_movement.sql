CREATE TABLE "reference_cache" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"fetched_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transaction_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "transaction_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"transaction_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"from_state" varchar(16),
	"to_state" varchar(16) NOT NULL,
	"eko_tx_status" smallint,
	"source" varchar(16) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_ref_id" varchar(20) NOT NULL,
	"kind" varchar(20) NOT NULL,
	"agent_id" uuid NOT NULL,
	"sender_mobile" varchar(10) NOT NULL,
	"sender_name" text,
	"recipient_id" varchar(24),
	"recipient_name" text,
	"recipient_bank" text,
	"recipient_ifsc" varchar(11),
	"account_masked" varchar(24),
	"amount_paise" bigint NOT NULL,
	"fee_estimate_paise" bigint,
	"fee_paise" bigint,
	"collectable_paise" bigint,
	"wallet_balance_paise" bigint,
	"fee_mismatch" boolean DEFAULT false NOT NULL,
	"otp_ref_id" varchar(40),
	"state" varchar(16) NOT NULL,
	"eko_tx_status" smallint,
	"eko_tid" varchar(40),
	"bank_ref" varchar(40),
	"decline_reason" varchar(30),
	"eko_reason" text,
	"refund_of_id" uuid,
	"refund_tid" varchar(40),
	"refunded_paise" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"final_at" timestamp with time zone,
	"next_check_at" timestamp with time zone,
	"check_count" integer DEFAULT 0 NOT NULL,
	"last_checked_at" timestamp with time zone,
	"lease_until" timestamp with time zone,
	"receipt_first_issued_at" timestamp with time zone,
	CONSTRAINT "transactions_clientRefId_unique" UNIQUE("client_ref_id")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "shop_name" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "shop_address" text;--> statement-breakpoint
ALTER TABLE "transaction_events" ADD CONSTRAINT "transaction_events_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "transaction_events_tx_idx" ON "transaction_events" USING btree ("transaction_id","at");--> statement-breakpoint
CREATE INDEX "transactions_agent_created_idx" ON "transactions" USING btree ("agent_id","created_at");--> statement-breakpoint
CREATE INDEX "transactions_created_idx" ON "transactions" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "transactions_state_idx" ON "transactions" USING btree ("state","next_check_at");--> statement-breakpoint
CREATE INDEX "transactions_sender_idx" ON "transactions" USING btree ("sender_mobile","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "transactions_otp_ref_once" ON "transactions" USING btree ("otp_ref_id") WHERE "transactions"."kind" = 'dmt_transfer' and "transactions"."otp_ref_id" is not null and "transactions"."decline_reason" is distinct from 'wrong_otp';--> statement-breakpoint
CREATE UNIQUE INDEX "transactions_one_pending_per_recipient" ON "transactions" USING btree ("sender_mobile","recipient_id") WHERE "transactions"."kind" = 'dmt_transfer' and "transactions"."state" in ('sending', 'unknown', 'awaited', 'hold');