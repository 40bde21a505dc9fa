import { describe, expect, it } from 'vitest';
import { checkCitations, type RepoFile, repoFiles } from './check-doc-citations';

// This file is left out of the repository scan: the fixtures below are broken on purpose. Their
// paths are spelt `${DIR}/…` so that no grep for cited docs paths mistakes them for real citations.
const DIR = 'docs';

const DOC = [
  '# A reference',
  '## 1. Sources',
  '## 2. Protocol',
  '### 2.3 Capture request (`CAPTURE`)',
  '## 13. Money movement (not built yet)',
  '```sh',
  '# 14. not a heading: inside a code fence',
  '```',
  'As said in §2 and §2.3, see §13.',
].join('\n');

const file = (path: string, text: string, tracked = true): RepoFile => ({ path, text, tracked });
const withDocs = (...sources: RepoFile[]) => checkCitations([file(`${DIR}/ref.md`, DOC), file(`${DIR}/other.md`, '# Other\n## 4. Four'), ...sources]);

describe('document citations', () => {
  it('every citation in the repository resolves', () => {
    const { citations, problems } = checkCitations(repoFiles());
    expect(problems).toEqual([]);
    // The code cites the docs in some forty places: a scan that found none would pass vacuously.
    expect(citations).toBeGreaterThan(40);
  });

  it('accepts files, sections, sub-sections, ranges, lists and anchors', () => {
    const { citations, problems } = withDocs(
      file('lib/a.ts', `// ${DIR}/ref.md §2 and ref.md §2.3, ref.md §1–§2, ref.md §1–2\n// (${DIR}/ref.md §1, other.md §4 and the §4 table)`),
      file('README.md', `See [the reference](${DIR}/ref.md#13-money-movement-not-built-yet) and ${DIR}/ref.md#23-capture-request-capture.`),
    );
    expect(problems).toEqual([]);
    // 13 in lib/a.ts, 2 in README.md, and the 3 sections the reference cites of itself.
    expect(citations).toBe(18);
  });

  it('reads a bare section sign in code as the document cited last, in a document as itself', () => {
    const code = file('lib/h.ts', `// ${DIR}/ref.md §1\n// other.md\nconst x = 1; // §4\n// §13`);
    expect(withDocs(code).problems).toEqual([`lib/h.ts:4: §13: ${DIR}/other.md has no section 13`]);
    expect(withDocs(file(`${DIR}/y.md`, '## 5. Five\nSee §5, and other.md §4.')).problems).toEqual([]);
  });

  it('names the file and line of a citation whose file does not exist', () => {
    const { problems } = withDocs(file('lib/b.ts', `// one\n// see ${DIR}/missing.md §3\n// and gone.md`));
    expect(problems).toEqual([`lib/b.ts:2: ${DIR}/missing.md is not a file in the repository`, 'lib/b.ts:3: gone.md is not a file in the repository']);
  });

  it('fails on a section, a range end or an anchor the document does not have', () => {
    const { problems } = withDocs(
      file('lib/c.ts', `// ${DIR}/ref.md §14\n// ref.md §2–§3\n// ref.md §2.4`),
      file(`${DIR}/x.md`, '[a](ref.md#no-such-heading)\nand §7 of this document'),
    );
    expect(problems).toEqual([
      `lib/c.ts:1: §14: ${DIR}/ref.md has no section 14`,
      `lib/c.ts:2: §3: ${DIR}/ref.md has no section 3`,
      `lib/c.ts:3: §2.4: ${DIR}/ref.md has no section 2.4`,
      `${DIR}/x.md:1: ref.md#no-such-heading: ${DIR}/ref.md has no heading with that anchor`,
      `${DIR}/x.md:2: §7: ${DIR}/x.md has no section 7`,
    ]);
  });

  it('does not count a heading inside a code fence', () => {
    expect(withDocs(file('lib/d.ts', `// ${DIR}/ref.md §14`)).problems).toEqual([`lib/d.ts:1: §14: ${DIR}/ref.md has no section 14`]);
  });

  it('fails on a section sign in code that names no document', () => {
    expect(withDocs(file('lib/e.ts', '/** Unique, at most 20 characters (§6). */')).problems).toEqual([
      'lib/e.ts:1: §6 names no document (cite the file before it, e.g. docs/eko-api.md §10)',
    ]);
  });

  it('fails on a document that exists but is not tracked, as a fresh clone would lack it', () => {
    const { problems } = checkCitations([file(`${DIR}/new.md`, '## 1. One', false), file('lib/f.ts', `// ${DIR}/new.md §1`)]);
    expect(problems).toEqual([`lib/f.ts:1: ${DIR}/new.md is not tracked by git (git add ${DIR}/new.md)`]);
  });

  it("ignores other projects' paths, URLs and .mdx files, but not a section of one", () => {
    const elsewhere = `// ../shared/docs/eko-api.md, https://github.com/o/r/blob/main/${DIR}/x.md, error-codes.mdx`;
    expect(withDocs(file('lib/g.ts', elsewhere)).problems).toEqual([]);
    expect(withDocs(file('lib/g.ts', '// ../shared/docs/eko-api.md §13')).problems).toEqual([
      'lib/g.ts:1: §13 names no document (cite the file before it, e.g. docs/eko-api.md §10)',
    ]);
  });
});
