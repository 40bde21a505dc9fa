// The RD protocol's XML is flat and small; this reads one element's attributes without a DOM,
// so the same code runs in the browser, in tests and in the sandboxes.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? _;
  });
}

export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' } as const)[c as '&']};`);
}

function parseAttributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of source.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attrs[m[1]!] = decodeXml(m[2] ?? m[3] ?? '');
  }
  return attrs;
}

/** Attributes of every `<tag …>` (case-insensitive), in document order. */
export function elements(xml: string, tag: string): Record<string, string>[] {
  const re = new RegExp(`<${tag}(?=[\\s/>])([^>]*)>`, 'gi');
  return Array.from(xml.matchAll(re), (m) => parseAttributes(m[1] ?? ''));
}

export const element = (xml: string, tag: string): Record<string, string> | null => elements(xml, tag)[0] ?? null;

/** Text content of the first `<tag>…</tag>`. */
export function elementText(xml: string, tag: string): string | null {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'i').exec(xml);
  return m ? decodeXml(m[1]!.trim()) : null;
}
