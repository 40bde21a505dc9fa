/** The file each e2e test leaves with what its browser stored (e2e/fixtures.ts, scripts/test.ts). */
export const STORAGE_DUMP = 'browser-storage.json';
