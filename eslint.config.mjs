// ESLint (flat config): Next's rules, typescript-eslint, and the project's boundaries as rules
// (docs/architecture.md §2), so a wrong import fails `npm run lint`, which `npm test` runs.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import nextVitals from 'eslint-config-next/core-web-vitals';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const ROOT = dirname(fileURLToPath(import.meta.url));

/** The file an import names, for `@/…` and relative specifiers (null for packages). */
function resolveImport(from, specifier) {
  let base;
  if (specifier.startsWith('@/')) base = join(ROOT, specifier.slice(2));
  else if (specifier.startsWith('.')) base = resolve(dirname(from), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
  }
  return null;
}

const serverOnlyCache = new Map();
/** Whether a module declares itself server-only (its first import is `server-only`). */
function isServerOnly(file) {
  if (!serverOnlyCache.has(file))
    serverOnlyCache.set(file, /^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*\s*import ['"]server-only['"]/.test(readFileSync(file, 'utf8')));
  return serverOnlyCache.get(file);
}

/**
 * A 'use client' module runs in the browser: it may not import a server-only module (keys, the
 * database, Eko, sessions), nor `node:` built-ins. Type-only imports are erased and allowed: the
 * client may share a server module's types.
 */
const clientBoundary = {
  meta: { type: 'problem', messages: { server: "A 'use client' module imports the server-only module {{name}}." } },
  create(context) {
    const source = context.sourceCode;
    const isClient = source.ast.body.some((n) => n.type === 'ExpressionStatement' && n.directive === 'use client');
    if (!isClient) return {};
    return {
      ImportDeclaration(node) {
        if (node.importKind === 'type' || (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type'))) return;
        const name = node.source.value;
        const file = typeof name === 'string' ? resolveImport(context.filename, name) : null;
        if (name === 'server-only' || (typeof name === 'string' && name.startsWith('node:')) || (file && isServerOnly(file))) {
          context.report({ node, messageId: 'server', data: { name } });
        }
      },
    };
  },
};

// The boundaries, one list per area (a later config object would replace an earlier one's
// no-restricted-imports for the same file, so each file gets exactly one list).
const NO_SANDBOX = [['@/sandbox/*', '@/sandbox/**', '**/sandbox/**'], 'The app never depends on the sandboxes (tests may).'];
const NO_RAW_EKO = [
  ['@/lib/eko/client', '@/lib/eko/sign', '**/eko/client', '**/eko/sign'],
  'Call Eko through callEkoAs (lib/audit/eko-call.ts): signed, audited, never retried unless idempotent.',
];
const NO_UI = [['@/components/*', '@/components/**', '@/app/*', '@/app/**'], 'lib/ is below app/ and components/: it never imports them.'];
const UI_NO_SERVER = [
  [['@/lib/db', '@/lib/db/*', '@/lib/db/**'], 'Components get data from a loader in lib/ (e.g. lib/admin/), never the database.'],
  [['@/lib/eko', '@/lib/eko/*', '@/lib/eko/**'], 'Only lib/ services call Eko.'],
  [['@/lib/auth/session', '@/lib/auth/secrets', '@/lib/config', '@/lib/config/*'], 'Keys, tokens and configuration stay in lib/ on the server.'],
];
// Feature folders under components/ do not import each other; what several features use lives in a
// shared folder (ui, forms, ekyc, scanner, layout, i18n, pwa), and pages compose features.
const FEATURES = ['admin', 'aeps', 'auth', 'sender-ekyc', 'senders', 'transfers'];
const otherFeatures = (feature) => [
  FEATURES.filter((f) => f !== feature).flatMap((f) => [`@/components/${f}/*`, `@/components/${f}/**`]),
  `components/${feature}/ is a feature: it may use shared folders (ui, forms, ekyc, scanner, layout), not another feature.`,
];
const NO_NEXT_LINK = [
  ['next/link'],
  "Link with AppLink (components/ui/app-link.tsx): next/link is 3.5 KiB of every page's first load, for prefetching no page here wants.",
];
const APP_THIN = [['@/lib/db/client', '@/lib/db/queries/*'], 'Pages and route handlers call lib/ services and loaders, not the database.'];

const restrict = (...lists) => ['error', { patterns: lists.map(([group, message]) => ({ group, message, allowTypeImports: true })) }];
const TESTS = ['**/*.test.ts', 'e2e/**', 'test/**'];

export default tseslint.config(
  { ignores: ['.next/**', 'node_modules/**', '.data/**', 'test-results/**', 'playwright-report/**', 'bench-results/**', 'next-env.d.ts', 'public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...nextVitals,
  prettier,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'agent-desk': { rules: { 'client-boundary': clientBoundary } } },
    rules: {
      'agent-desk/client-boundary': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `import type` keeps type imports out of bundles; the client boundary rule relies on it.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  // Vitest's `use…` helpers (useTestDatabase, useEkoSandbox) and Playwright's fixture `use` are not React hooks.
  { files: ['**/*.test.ts', 'test/**', 'e2e/**'], rules: { 'react-hooks/rules-of-hooks': 'off' } },
  { files: ['components/**/*.{ts,tsx}'], ignores: TESTS, rules: { 'no-restricted-imports': restrict(...UI_NO_SERVER, NO_SANDBOX, NO_NEXT_LINK) } },
  ...FEATURES.map((feature) => ({
    files: [`components/${feature}/**/*.{ts,tsx}`],
    ignores: TESTS,
    rules: { 'no-restricted-imports': restrict(...UI_NO_SERVER, NO_SANDBOX, NO_NEXT_LINK, otherFeatures(feature)) },
  })),
  {
    files: ['app/**/*.{ts,tsx}', 'proxy.ts', 'instrumentation.ts'],
    ignores: TESTS,
    rules: { 'no-restricted-imports': restrict(APP_THIN, NO_RAW_EKO, NO_SANDBOX, NO_NEXT_LINK) },
  },
  {
    files: ['lib/**/*.{ts,tsx}'],
    ignores: [...TESTS, 'lib/eko/**', 'lib/audit/eko-call.ts'],
    rules: { 'no-restricted-imports': restrict(NO_UI, NO_RAW_EKO, NO_SANDBOX) },
  },
  { files: ['lib/eko/**/*.ts', 'lib/audit/eko-call.ts'], ignores: TESTS, rules: { 'no-restricted-imports': restrict(NO_UI, NO_SANDBOX) } },
);
