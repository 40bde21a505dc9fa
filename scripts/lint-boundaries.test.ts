import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The boundaries are rules (eslint.config.mjs): each wrong import below must fail the lint, and the
// right one beside it must pass. Linted as if the text sat at the given path in the repository.

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint-enforced boundaries', { timeout: 60_000 }, () => {
  it("a 'use client' module cannot import a server-only one (types may)", async () => {
    expect(await problems('components/senders/x.tsx', "'use client';\nimport { getConfig } from '@/lib/config';\nexport const x = getConfig;\n")).toEqual([
      expect.stringMatching(/^agent-desk\/client-boundary: .*server-only module @\/lib\/config/),
      expect.stringMatching(/^no-restricted-imports: /),
    ]);
    expect(
      await problems('components/senders/x.tsx', "'use client';\nimport type { SessionUser } from '@/lib/auth/current-user';\nexport type X = SessionUser;\n"),
    ).toEqual([]);
  });

  it('components never open the database or call Eko', async () => {
    expect(await problems('components/admin/x.tsx', "import { getDb } from '@/lib/db/client';\nexport const x = getDb;\n")).toEqual([
      expect.stringMatching(/loader in lib/),
    ]);
    expect(await problems('components/admin/x.tsx', "import { ekoEndpoints } from '@/lib/eko/endpoints';\nexport const x = ekoEndpoints;\n")).toEqual([
      expect.stringMatching(/Only lib\/ services call Eko/),
    ]);
  });

  it('features do not import each other; shared folders are for that', async () => {
    expect(await problems('components/senders/x.tsx', "import { AepsBanner } from '@/components/aeps/aeps-banner';\nexport const x = AepsBanner;\n")).toEqual([
      expect.stringMatching(/is a feature/),
    ]);
    expect(
      await problems('components/senders/x.tsx', "import { ApiErrorAlert } from '@/components/forms/api-error-alert';\nexport const x = ApiErrorAlert;\n"),
    ).toEqual([]);
  });

  it('lib/ never imports components/ or app/; only lib/eko signs Eko calls; nothing in the app uses the sandboxes', async () => {
    expect(await problems('lib/senders/x.ts', "import { Alert } from '@/components/ui/alert';\nexport const x = Alert;\n")).toEqual([
      expect.stringMatching(/never imports them/),
    ]);
    expect(await problems('lib/senders/x.ts', "import { callEko } from '@/lib/eko/client';\nexport const x = callEko;\n")).toEqual([
      expect.stringMatching(/callEkoAs/),
    ]);
    expect(await problems('lib/eko/x.ts', "import { callEko } from './client';\nexport const x = callEko;\n")).toEqual([]);
    expect(await problems('app/api/x/route.ts', "import { SENDER_FIXTURES } from '@/sandbox/eko/fixtures';\nexport const x = SENDER_FIXTURES;\n")).toEqual([
      expect.stringMatching(/sandboxes/),
    ]);
  });

  it('links are AppLink, in components and in pages: next/link is refused', async () => {
    expect(await problems('components/senders/x.tsx', "import Link from 'next/link';\nexport const x = Link;\n")).toEqual([expect.stringMatching(/AppLink/)]);
    expect(await problems('app/(app)/(site)/x/page.tsx', "import Link from 'next/link';\nexport const x = Link;\n")).toEqual([
      expect.stringMatching(/AppLink/),
    ]);
    expect(await problems('components/senders/x.tsx', "import { AppLink } from '@/components/ui/app-link';\nexport const x = AppLink;\n")).toEqual([]);
  });

  it('pages and route handlers reach data through lib/ loaders and services', async () => {
    expect(await problems('app/api/x/route.ts', "import { listAgents } from '@/lib/db/queries/users';\nexport const x = listAgents;\n")).toEqual([
      expect.stringMatching(/not the database/),
    ]);
  });
});
