import { describe, expect, it } from 'vitest';

describe('scrubDeviceModel (device-error telemetry)', () => {
  it('keeps real scanner models', async () => {
    const { scrubDeviceModel } = await import('./device-errors');
    for (const model of ['MFS110', 'MFS100', 'MSO 1300 E3', 'FM220U', 'Hamster Pro 20', 'NB-3023-U-UID', 'PB510', 'TMF20'])
      expect(scrubDeviceModel(model)).toBe(model);
  });

  it('removes every run of 6 or more digits, whole, split or hidden, and anything outside letters, digits, space and . _ -', async () => {
    const { scrubDeviceModel } = await import('./device-errors');
    expect(scrubDeviceModel('MFS110 999999990019')).toBe('MFS110');
    expect(scrubDeviceModel('MFS110 9999 9999 0019')).toBe('MFS110');
    expect(scrubDeviceModel('MFS110/9999-9999-0019')).toBe('MFS110');
    expect(scrubDeviceModel('A999999990019')).toBe('A');
    expect(scrubDeviceModel('9999a9999a0019')).toBeNull();
    expect(scrubDeviceModel('999999990019')).toBeNull();
    expect(scrubDeviceModel('<script>MFS110</script>')).toBe('script MFS110 script');
    expect(scrubDeviceModel('x'.repeat(100))).toHaveLength(40);
  });
});
