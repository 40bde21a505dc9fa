// The RD protocol's XML is flat and small; this reads one element's attributes without a DOM,
// so the same code runs in the browser, in tests and in the sandboxes.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
      // Out of Unicode's range: left as written rather than thrown on.
      return code <= 0x10ffff ? String.fromCodePoint(code) : _;
    }
    return ENTITIES[e.toLowerCase()] ?? _;
  });
}

export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' } as const)[c as '&']};`);
}

function parseAttributes(source: string): Record<string, string> {
  // No prototype: an attribute called "constructor" or "__proto__" is just an attribute.
  const attrs: Record<string, string> = Object.create(null);
  for (const m of source.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    // The first of a repeated attribute counts, as an XML parser that tolerated it would read it.
    if (!(m[1]! in attrs)) attrs[m[1]!] = decodeXml(m[2] ?? m[3] ?? '');
  }
  return attrs;
}

/** An attribute by name, whatever its case (drivers write `path`, `Path`, `PATH`). */
export function attribute(attrs: Record<string, string>, name: string): string | undefined {
  if (name in attrs) return attrs[name];
  const lower = name.toLowerCase();
  return Object.entries(attrs).find(([key]) => key.toLowerCase() === lower)?.[1];
}

/**
 * Attributes of every `<tag …>` (case-insensitive), in document order. Comments are skipped (a
 * driver's commented-out sample interface is not an interface), and a quoted value may hold `>`.
 */
export function elements(xml: string, tag: string): Record<string, string>[] {
  const re = new RegExp(`<${tag}(?=[\\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>`, 'gi');
  return Array.from(xml.replace(/<!--[\s\S]*?-->/g, '').matchAll(re), (m) => parseAttributes(m[1] ?? ''));
}

export const element = (xml: string, tag: string): Record<string, string> | null => elements(xml, tag)[0] ?? null;

/** Text content of the first `<tag>…</tag>`. */
export function elementText(xml: string, tag: string): string | null {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'i').exec(xml);
  return m ? decodeXml(m[1]!.trim()) : null;
}
