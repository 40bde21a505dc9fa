-- Eko user codes become unique (one agent per code). A database where two agents share a code
-- must be mended by an admin first: stop here with a message that says which codes.
DO $$
DECLARE shared text;
BEGIN
  SELECT string_agg(eko_user_code, ', ') INTO shared
    FROM (SELECT eko_user_code FROM users WHERE eko_user_code IS NOT NULL GROUP BY eko_user_code HAVING count(*) > 1) d;
  IF shared IS NOT NULL THEN
    RAISE EXCEPTION 'Several agents share the Eko user code(s) %: give each agent its own code, then start again', shared;
  END IF;
END $$;--> statement-breakpoint
CREATE TABLE "login_lockouts" (
	"key" text PRIMARY KEY NOT NULL,
	"mobile" varchar(10) NOT NULL,
	"user_id" uuid,
	"scope" varchar(20) NOT NULL,
	"locked_until" timestamp with time zone NOT NULL,
	"level" smallint NOT NULL,
	"last_address" varchar(64),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"credentials_version" integer NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"client_address" varchar(64)
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "target_user_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "target_mobile" varchar(10);--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "client_address" varchar(64);--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "password_must_change" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "password_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "credentials_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "login_lockouts" ADD CONSTRAINT "login_lockouts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "login_lockouts_until_idx" ON "login_lockouts" USING btree ("locked_until");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_target_user_id_users_id_fk" FOREIGN KEY ("target_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_target_at_idx" ON "audit_events" USING btree ("target_user_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_eko_user_code_unique" ON "users" USING btree ("eko_user_code");--> statement-breakpoint
-- The keyed Aadhaar hashes go: emptied first (a dropped column's values stay in the rows until
-- they are rewritten), then dropped, then the table is rewritten so no data file keeps them.
-- Write-ahead log segments and backups taken before this keep them until they are recycled or
-- purged (README: Security).
UPDATE "audit_events" SET "aadhaar_hash" = NULL WHERE "aadhaar_hash" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" DROP COLUMN "aadhaar_hash";--> statement-breakpoint
CLUSTER "audit_events" USING "audit_events_pkey";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "session_version";