import { describe, expect, it } from 'vitest';
import { assessCapture } from './capture';
import { discoverRdServices, discoverSequentially, RD_PORTS } from './discovery';
import { parseDeviceInfo, parsePidResponse, parseRdServiceInfo, sanitiseInterfacePath } from './parse';
import { buildPidOptions, captureTimeoutOf, EKYC_WADH } from './pid-options';
import { RdError } from './types';
import { createHash } from 'node:crypto';

const rdService = (status: string, extra = '') =>
  `<RDService status="${status}" info="Test Vendor Device Manager">${extra || '<Interface id="DEVICEINFO" path="/rd/info" /><Interface id="CAPTURE" path="/rd/capture" />'}</RDService>`;

/** A fake loopback: which base answers what, after how long; records every probe. */
function fakeLoopback(answers: Record<string, { status: string; delayMs?: number }>) {
  const probes: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetchImpl = (async (url: string, init: RequestInit) => {
    const base = url.replace(/\/$/, '');
    probes.push(base);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      const answer = answers[base];
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, answer?.delayMs ?? 5);
        init.signal?.addEventListener('abort', () => (clearTimeout(timer), reject(new DOMException('aborted', 'AbortError'))));
      });
      if (!answer) throw new TypeError('Failed to fetch');
      expect(init.method).toBe('RDSERVICE');
      return new Response(rdService(answer.status));
    } finally {
      inFlight -= 1;
    }
  }) as unknown as typeof fetch;
  return { fetchImpl, probes, maxInFlight: () => maxInFlight };
}

describe('discovery', () => {
  it('probes every port over http and https at once, after the first port settles', async () => {
    const net = fakeLoopback({});
    expect(await discoverRdServices({ fetchImpl: net.fetchImpl, probeTimeoutMs: 200 })).toBeNull();
    expect(net.probes).toHaveLength(RD_PORTS.length * 2);
    expect(net.probes[0]).toBe('http://127.0.0.1:11100');
    expect(net.maxInFlight()).toBe(RD_PORTS.length * 2 - 1);
    expect(new Set(net.probes.map((p) => p.split(':')[0]))).toEqual(new Set(['http', 'https']));
  });

  it('a device on the first port answers alone, before the others are probed', async () => {
    const net = fakeLoopback({ 'http://127.0.0.1:11100': { status: 'READY', delayMs: 10 } });
    expect((await discoverRdServices({ fetchImpl: net.fetchImpl, probeTimeoutMs: 200 }))?.port).toBe(11100);
    expect(net.probes).toEqual(['http://127.0.0.1:11100']);
  });

  it('a first port that hangs holds the others back only for the head start', async () => {
    const net = fakeLoopback({ 'http://127.0.0.1:11100': { status: 'READY', delayMs: 1_000 }, 'http://127.0.0.1:11107': { status: 'READY' } });
    const started = Date.now();
    expect((await discoverRdServices({ fetchImpl: net.fetchImpl, probeTimeoutMs: 2_000, headStartMs: 40 }))?.port).toBe(11107);
    expect(Date.now() - started).toBeLessThan(500);
    expect(net.maxInFlight()).toBe(RD_PORTS.length * 2);
  });

  it('stops at the first READY device and cancels the other probes', async () => {
    const net = fakeLoopback({ 'http://127.0.0.1:11104': { status: 'READY', delayMs: 5 }, 'http://127.0.0.1:11101': { status: 'NOTREADY', delayMs: 1 } });
    const started = Date.now();
    const found = await discoverRdServices({ fetchImpl: net.fetchImpl, probeTimeoutMs: 5_000 });
    expect(found).toMatchObject({ base: 'http://127.0.0.1:11104', scheme: 'http', port: 11104, service: { status: 'READY' } });
    expect(Date.now() - started).toBeLessThan(1_000); // did not wait for the 5 s timeouts of absent ports
  });

  it('finds an https-only driver', async () => {
    const net = fakeLoopback({ 'https://127.0.0.1:11100': { status: 'READY' } });
    expect((await discoverRdServices({ fetchImpl: net.fetchImpl, probeTimeoutMs: 200 }))?.scheme).toBe('https');
  });

  it('prefers READY over USED over NOTREADY when no READY answers', async () => {
    const net = fakeLoopback({ 'http://127.0.0.1:11100': { status: 'NOTREADY' }, 'http://127.0.0.1:11102': { status: 'USED' } });
    expect((await discoverRdServices({ fetchImpl: net.fetchImpl, probeTimeoutMs: 200 }))?.service.status).toBe('USED');
  });

  it('tries the remembered port alone first', async () => {
    const net = fakeLoopback({ 'https://127.0.0.1:11117': { status: 'READY' } });
    const found = await discoverRdServices({ fetchImpl: net.fetchImpl, preferred: { scheme: 'https', port: 11117 } });
    expect(found?.port).toBe(11117);
    expect(net.probes).toEqual(['https://127.0.0.1:11117']);
  });

  it('the one-by-one baseline finds the same device, one probe at a time', async () => {
    const net = fakeLoopback({ 'http://127.0.0.1:11103': { status: 'READY' } });
    expect((await discoverSequentially({ fetchImpl: net.fetchImpl, probeTimeoutMs: 200 }))?.port).toBe(11103);
    expect(net.maxInFlight()).toBe(1);
  });
});

describe('RD replies', () => {
  it('selects interfaces by id, whatever their order', () => {
    const info = parseRdServiceInfo(rdService('READY', '<Interface id="CAPTURE" path="/capture" /><Interface id="DEVICEINFO" path="/getDeviceInfo" />'));
    expect(info).toEqual({ status: 'READY', info: 'Test Vendor Device Manager', paths: { CAPTURE: '/capture', DEVICEINFO: '/getDeviceInfo' } });
  });

  it('sanitises host-in-path (Morpho) and refuses non-loopback hosts', () => {
    expect(sanitiseInterfacePath('/127.0.0.1:11102/capture')).toBe('/capture');
    expect(sanitiseInterfacePath(' http://127.0.0.1:11100//rd/capture ')).toBe('/rd/capture');
    expect(sanitiseInterfacePath('https://localhost:11100/rd/info')).toBe('/rd/info');
    expect(sanitiseInterfacePath('/rd/capture')).toBe('/rd/capture');
    expect(sanitiseInterfacePath('rd//capture')).toBe('/rd/capture');
    expect(sanitiseInterfacePath('http://evil.example/steal')).toBeNull();
    expect(sanitiseInterfacePath('/10.0.0.5:11100/capture')).toBeNull();
    expect(sanitiseInterfacePath('/rd/../admin')).toBeNull();
    const info = parseRdServiceInfo(rdService('READY', '<Interface id="CAPTURE" path="http://evil.example/x" /><Interface id="DEVICEINFO" path="/127.0.0.1:11102/getDeviceInfo" />'));
    expect(info?.paths).toEqual({ DEVICEINFO: '/getDeviceInfo' });
  });

  it('reads the status, and unknown statuses as UNKNOWN; not RD XML as null', () => {
    expect(parseRdServiceInfo(rdService('USED'))?.status).toBe('USED');
    expect(parseRdServiceInfo(rdService('WEIRD'))?.status).toBe('UNKNOWN');
    expect(parseRdServiceInfo('<html>hi</html>')).toBeNull();
  });

  it('reads <Resp>: errCode as a string, comma lists per finger', () => {
    const pid = `<PidData><Resp errCode="0" errInfo="Capture Success" fCount="2" fType="2" nmPoints="38,41" qScore="71,65" /><DeviceInfo dpId="MANTRA.MSIPL" rdsId="RENESAS.MANTRA.001" rdsVer="1.0.8" mi="MFS110" mc="MIIB" dc="abc" /><Skey ci="20291231">x</Skey><Data type="X">y</Data></PidData>`;
    expect(parsePidResponse(pid)).toEqual({
      errCode: '0',
      errInfo: 'Capture Success',
      qScores: [71, 65],
      nmPoints: [38, 41],
      device: { dpId: 'MANTRA.MSIPL', rdsId: 'RENESAS.MANTRA.001', rdsVer: '1.0.8', mi: 'MFS110', dc: 'abc' },
    });
    expect(parsePidResponse('<PidData><Resp errCode="720" errInfo="Device not ready" /></PidData>')).toMatchObject({ errCode: '720', qScores: [], nmPoints: [] });
    expect(parsePidResponse("<PidData><Resp errCode='0' errInfo='a &amp; b' qScore='80'/></PidData>")).toMatchObject({ errInfo: 'a & b', qScores: [80] });
    expect(parsePidResponse('<PidData></PidData>')).toBeNull();
    expect(parseDeviceInfo('<DeviceInfo dpId="X" mi="Y"/>')).toMatchObject({ dpId: 'X', mi: 'Y' });
  });
});

describe('PidOptions builder', () => {
  it('uses the eKYC wadh (base64 SHA-256 of 2.5FYNNN) for eKYC', () => {
    expect(createHash('sha256').update('2.5FYNNN').digest('base64')).toBe(EKYC_WADH);
    const xml = buildPidOptions({ purpose: 'ekyc' });
    expect(xml).toBe(
      `<PidOptions ver="1.0"><Opts fCount="1" fType="2" iCount="0" pCount="0" format="0" pidVer="2.0" timeout="20000" otp="" posh="UNKNOWN" env="P" wadh="${EKYC_WADH}" /></PidOptions>`,
    );
  });
  it('sends a blank wadh for daily authentication and none for plain authentication', () => {
    expect(buildPidOptions({ purpose: 'daily_auth' })).toContain(' wadh="" ');
    expect(buildPidOptions({ purpose: 'auth' })).not.toContain('wadh');
  });
  it('keeps env="P" and clamps the timeout to 10–30 s', () => {
    expect(buildPidOptions({ purpose: 'auth', timeoutMs: 5 })).toContain('timeout="10000"');
    expect(captureTimeoutOf(buildPidOptions({ purpose: 'auth', timeoutMs: 99_000 }))).toBe(30_000);
    expect(buildPidOptions({ purpose: 'auth', fType: 0 })).toContain('fType="0"');
    expect(buildPidOptions({ purpose: 'auth' })).toContain('env="P"');
  });
});

describe('capture assessment and quality gate', () => {
  const pid = (errCode: string, qScore = '72') => `<PidData><Resp errCode="${errCode}" errInfo="x" qScore="${qScore}" /><Data type="X">z</Data></PidData>`;
  it('passes good captures through unchanged', () => {
    const xml = pid('0');
    expect(assessCapture(xml)).toEqual({ kind: 'good', pidData: xml, quality: 72 });
  });
  it('asks for a recapture below 45 and refuses below 25, on the weakest finger', () => {
    expect(assessCapture(pid('0', '44')).kind).toBe('low_quality');
    expect(assessCapture(pid('0', '45')).kind).toBe('good');
    expect(assessCapture(pid('0', '24'))).toEqual({ kind: 'too_poor', quality: 24 });
    expect(assessCapture(pid('0', '80,20')).kind).toBe('too_poor');
  });
  it('decides success by errCode "0", never by errInfo', () => {
    expect(() => assessCapture('<PidData><Resp errCode="700" errInfo="Success." /></PidData>')).toThrowError(RdError);
    const cases: [string, string][] = [['710', 'in_use'], ['720', 'not_ready'], ['700', 'device'], ['-1307', 'device']];
    for (const [code, kind] of cases) {
      try {
        assessCapture(pid(code));
        expect.unreachable();
      } catch (err) {
        expect((err as RdError).code).toBe(kind);
        expect((err as RdError).errCode).toBe(code);
      }
    }
    expect(() => assessCapture('not xml')).toThrowError(RdError);
  });
});
