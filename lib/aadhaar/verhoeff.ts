// Aadhaar check digit (Verhoeff, dihedral group D5), as in docs/rd-service.md §9.
// A valid checksum does not prove the number exists.

const D = ['0123456789', '1234067895', '2340178956', '3401289567', '4012395678', '5987604321', '6598710432', '7659821043', '8765932104', '9876543210'];
const P = ['0123456789', '1576283094', '5803796142', '8916043527', '9453126870', '4286573901', '2793806415', '7046913258'];
const INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

const d = (a: number, b: number) => Number(D[a]![b]);
const p = (pos: number, digit: number) => Number(P[pos % 8]![digit]);

export function isValidAadhaar(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  let c = 0;
  for (let i = 0; i < 12; i++) c = d(c, p(i, Number(value[11 - i])));
  return c === 0;
}

/** The check digit that completes `eleven` digits (fixtures and tests). */
export function verhoeffCheckDigit(eleven: string): string {
  let c = 0;
  for (let i = 0; i < eleven.length; i++) c = d(c, p(i + 1, Number(eleven[eleven.length - 1 - i])));
  return String(INV[c]);
}
