// Every citation of a document in the repository's sources and docs (`docs/eko-api.md §10`,
// `stack.md §3–4`, `rd-service.md §2.3 and §8`, `[x](architecture.md#3-boundaries)`) must name a
// tracked file and a numbered section or heading anchor that file has. The rules are written down
// in docs/README.md; `npm test` runs this through scripts/check-doc-citations.test.ts.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

export interface RepoFile {
  /** Relative to the repository root, with forward slashes. */
  path: string;
  text: string;
  /** In git's index: only tracked files reach a fresh clone. */
  tracked: boolean;
}

export interface CitationReport {
  citations: number;
  problems: string[];
}

const SCANNED = /\.(?:ts|tsx|mts|cts|js|mjs|cjs|md|sh)$/;
const SCANNED_NAMES = new Set(['.ci/run']);
/** Its fixtures are broken citations on purpose. */
const NOT_SCANNED = new Set(['scripts/check-doc-citations.test.ts']);

// A document: a Markdown file name, bare or under docs/, optionally with #anchor; not the tail of
// a longer path or URL (another project's docs folder, a link to GitHub), nor an .mdx file.
const DOCUMENT = /(?<![\w./-])((?:docs\/)?[A-Za-z0-9][\w-]*\.md)(?!\w)(?:#([\w-]+))?/g;
// Sections, sub-sections and ranges: eko-api.md §7, rd-service.md §2.3, eko-api.md §7–§8, stack.md §3–4.
const SECTION = /§(\d+(?:\.\d+)*)(?:\s*[–-]\s*§?(\d+(?:\.\d+)*))?/g;

interface Outline {
  sections: Set<string>;
  anchors: Set<string>;
}

/** GitHub's heading anchors: lower case, punctuation dropped, each space a hyphen, repeats numbered. */
function outline(text: string): Outline {
  const sections = new Set<string>();
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of text.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const title = heading[1]!;
    const number = /^(\d+(?:\.\d+)*)\.?(?:\s|$)/.exec(title);
    if (number) sections.add(number[1]!);
    const base = title
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return { sections, anchors };
}

export function checkCitations(files: readonly RepoFile[]): CitationReport {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const outlines = new Map<string, Outline>();
  const outlineOf = (file: RepoFile) => {
    let o = outlines.get(file.path);
    if (!o) outlines.set(file.path, (o = outline(file.text)));
    return o;
  };

  /** A docs/ path from the root; a bare name beside the citing file, at the root, in docs/, or the one file of that name. */
  function resolve(name: string, from: string): RepoFile | null {
    const candidates = name.startsWith('docs/') ? [name] : [posix.join(posix.dirname(from), name), name, `docs/${name}`];
    for (const c of candidates) {
      const f = byPath.get(c);
      if (f) return f;
    }
    if (name.includes('/')) return null;
    const sameName = files.filter((f) => posix.basename(f.path) === name);
    return sameName.length === 1 ? sameName[0]! : null;
  }

  const problems: string[] = [];
  let citations = 0;
  for (const file of files) {
    if (NOT_SCANNED.has(file.path) || !(SCANNED.test(file.path) || SCANNED_NAMES.has(file.path))) continue;
    const isDocument = file.path.endsWith('.md');
    // What a bare § on a later line refers to in a code file (null target: a citation already reported).
    let lastCited: { target: RepoFile | null } | null = null;
    file.text.split('\n').forEach((line, i) => {
      const where = `${file.path}:${i + 1}`;
      const onLine: { at: number; target: RepoFile | null }[] = [];
      for (const m of line.matchAll(DOCUMENT)) {
        citations += 1;
        const name = m[1]!;
        const anchor = m[2];
        const target = resolve(name, file.path);
        if (!target) problems.push(`${where}: ${name} is not a file in the repository`);
        else if (!target.tracked) problems.push(`${where}: ${name} is not tracked by git (git add ${target.path})`);
        else if (anchor && !outlineOf(target).anchors.has(anchor)) problems.push(`${where}: ${name}#${anchor}: ${target.path} has no heading with that anchor`);
        const cited = { at: m.index, target: target?.tracked ? target : null };
        onLine.push(cited);
        lastCited = cited;
      }
      for (const m of line.matchAll(SECTION)) {
        citations += 1;
        const before = onLine.filter((c) => c.at < m.index).at(-1) ?? (isDocument ? { target: file } : lastCited);
        if (!before) {
          problems.push(`${where}: ${m[0]} names no document (cite the file before it, e.g. docs/eko-api.md §10)`);
          continue;
        }
        // A document that does not resolve is reported above; its sections cannot be checked.
        const target = before.target;
        if (!target) continue;
        for (const section of [m[1], m[2]]) {
          if (section && !outlineOf(target).sections.has(section)) problems.push(`${where}: §${section}: ${target.path} has no section ${section}`);
        }
      }
    });
  }
  return { citations, problems };
}

const IGNORED_DIRS = new Set(['.git', 'node_modules', '.next', '.data', 'test-results', 'playwright-report', 'blob-report', 'coverage', 'out']);

function walk(root: string, dir = '', out: string[] = []): string[] {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!IGNORED_DIRS.has(entry.name)) walk(root, rel, out);
    } else out.push(rel);
  }
  return out;
}

/** The repository's files as a fresh clone has them (plus new files not yet added, which are reported). */
export function repoFiles(root: string = join(import.meta.dirname, '..')): RepoFile[] {
  let tracked: Set<string>;
  let all: string[];
  try {
    const list = (...args: string[]) =>
      execFileSync('git', ['ls-files', '-z', ...args], { cwd: root, encoding: 'utf8' })
        .split('\0')
        .filter(Boolean);
    tracked = new Set(list('--cached'));
    all = [...new Set([...tracked, ...list('--others', '--exclude-standard')])];
  } catch {
    // Not a git checkout (an unpacked archive): everything present counts as tracked.
    all = walk(root);
    tracked = new Set(all);
  }
  return all
    .filter((path) => (SCANNED.test(path) || SCANNED_NAMES.has(path)) && existsSync(join(root, path)))
    .map((path) => ({ path, text: readFileSync(join(root, path), 'utf8'), tracked: tracked.has(path) }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { citations, problems } = checkCitations(repoFiles());
  if (problems.length > 0) {
    console.error(`Broken document citations:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`[docs] ${citations} citations, all resolve`);
}
