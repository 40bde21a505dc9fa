// npm run user:create -- --role admin --name "Asha Rao" --mobile 9876543210 [--password …] [--user-code 20810200]
// Creates an account directly in the database (the first admin, outside sandbox mode). With the
// embedded database, stop the app first: PGlite allows one process at a time.
// Without --password a temporary one is generated: it works for a day, and only to choose the
// user's own at the first sign-in (someone else chose it). --password is for your own account.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { hashPassword, temporaryPassword } from '../lib/auth/password';
import { closeDb, getDb } from '../lib/db/client';
import { writeAuditRow } from '../lib/audit/record';
import { createUser } from '../lib/db/queries/users';
import { TEMPORARY_PASSWORD_HOURS, temporaryUntil } from '../lib/auth/temporary-password';
import { NEW_PASSWORD_MIN } from '../lib/schemas/auth';
import { mobileSchema } from '../lib/schemas/common';

const args = z
  .object({
    role: z.enum(['admin', 'agent']),
    name: z.string().trim().min(2).max(80),
    mobile: mobileSchema,
    password: z.string().min(NEW_PASSWORD_MIN).max(128).optional(),
    'user-code': z
      .string()
      .regex(/^\d{5,12}$/)
      .optional(),
  })
  .refine((a) => a.role === 'admin' || a['user-code'], { path: ['user-code'], message: 'agents need --user-code (their Eko user_code)' });

async function main() {
  const { values } = parseArgs({
    options: { role: { type: 'string' }, name: { type: 'string' }, mobile: { type: 'string' }, password: { type: 'string' }, 'user-code': { type: 'string' } },
  });
  const parsed = args.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`--${issue.path.join('.')}: ${issue.message}`);
    process.exit(2);
  }
  const input = parsed.data;
  const password = input.password ?? temporaryPassword(12);
  const result = await createUser(await getDb(), {
    role: input.role,
    name: input.name,
    mobile: input.mobile,
    ekoUserCode: input['user-code'] ?? null,
    passwordHash: await hashPassword(password),
    temporaryUntil: input.password ? null : temporaryUntil(),
  });
  if (result.ok) {
    // Created by an operator at the command line, not by a signed-in admin: the trail says so.
    await writeAuditRow({
      userId: null,
      action: 'admin.agent_create',
      outcome: 'ok',
      targetUserId: result.user.id,
      targetMobile: result.user.mobile,
      detail: 'command_line',
      latencyMs: 0,
    });
  }
  await closeDb();
  if (!result.ok) {
    const what = result.taken === 'mobile' ? `mobile ${input.mobile}` : `Eko user code ${input['user-code']}`;
    console.error(`The ${what} already belongs to ${result.holder.name} (${result.holder.mobile}).`);
    process.exit(1);
  }
  const { user } = result;
  console.log(`Created ${user.role} ${user.name} (${user.mobile}).`);
  if (!input.password) console.log(`Temporary password (shown once; valid ${TEMPORARY_PASSWORD_HOURS} hours, to be changed at first sign-in): ${password}`);
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
