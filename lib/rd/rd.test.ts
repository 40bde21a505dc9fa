import { describe, expect, it } from 'vitest';
import { assessCapture } from './capture';
import { discoverRdServices, discoverSequentially, PROBE_CONCURRENCY, type ProbeTarget, probeOrder, RD_PORTS } from './discovery';
import { parseDeviceInfo, parsePidResponse, parseRdServiceInfo, sanitiseInterfacePath } from './parse';
import { buildPidOptions, captureTimeoutOf, EKYC_WADH } from './pid-options';
import { RdError } from './types';
import { createHash } from 'node:crypto';

const rdService = (status: string, extra = '') =>
  `<RDService status="${status}" info="Test Vendor Device Manager">${extra || '<Interface id="DEVICEINFO" path="/rd/info" /><Interface id="CAPTURE" path="/rd/capture" />'}</RDService>`;

type Answer = { status: string; delayMs?: number } | 'stall';

/**
 * A fake loopback: which base answers what after how long ('stall' takes the connection and never
 * answers); every other base refuses after a few milliseconds. Records starts and ends in order.
 */
function fakeLoopback(answers: Record<string, Answer>) {
  const events: { kind: 'start' | 'answer' | 'refused' | 'timeout' | 'abort'; base: string }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetchImpl = (async (url: string, init: RequestInit) => {
    const base = url.replace(/\/$/, '');
    expect(init.method).toBe('RDSERVICE');
    events.push({ kind: 'start', base });
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const answer = answers[base];
    try {
      await new Promise<void>((resolve, reject) => {
        const signal = init.signal!;
        const timer =
          answer === 'stall'
            ? undefined
            : setTimeout(() => {
                signal.removeEventListener('abort', onAbort);
                resolve();
              }, answer?.delayMs ?? 3);
        function onAbort() {
          clearTimeout(timer);
          events.push({ kind: (signal.reason as DOMException | undefined)?.name === 'TimeoutError' ? 'timeout' : 'abort', base });
          reject(new DOMException('aborted', 'AbortError'));
        }
        if (signal.aborted) onAbort();
        else signal.addEventListener('abort', onAbort, { once: true });
      });
    } finally {
      inFlight -= 1;
    }
    if (answer === undefined || answer === 'stall') {
      events.push({ kind: 'refused', base });
      throw new TypeError('Failed to fetch');
    }
    events.push({ kind: 'answer', base });
    return new Response(rdService(answer.status));
  }) as unknown as typeof fetch;
  const starts = () => events.filter((e) => e.kind === 'start').map((e) => e.base);
  const index = (kind: string, base?: string) => events.findIndex((e) => e.kind === kind && (base === undefined || e.base === base));
  return { fetchImpl, events, starts, index, maxInFlight: () => maxInFlight };
}

const base = (t: ProbeTarget) => `${t.scheme}://127.0.0.1:${t.port}`;
const ORDER = probeOrder();

describe('discovery', () => {
  it("probes in Eko's production order: 11100–11105 over http, the same over https, then the rest side by side", () => {
    expect(ORDER).toHaveLength(42);
    expect(ORDER.slice(0, 6)).toEqual([11100, 11101, 11102, 11103, 11104, 11105].map((port) => ({ scheme: 'http', port })));
    expect(ORDER.slice(6, 12)).toEqual([11100, 11101, 11102, 11103, 11104, 11105].map((port) => ({ scheme: 'https', port })));
    expect(ORDER.slice(12, 16)).toEqual([
      { scheme: 'http', port: 11106 },
      { scheme: 'https', port: 11106 },
      { scheme: 'http', port: 11107 },
      { scheme: 'https', port: 11107 },
    ]);
    expect(ORDER.at(-1)).toEqual({ scheme: 'https', port: 11120 });
    expect(new Set(ORDER.map(base)).size).toBe(42);
  });

  it('with no device, every target is probed once, in probe order, the first one alone', async () => {
    const net = fakeLoopback({});
    expect(await discoverRdServices({ fetchImpl: net.fetchImpl, probeTimeoutMs: 500 })).toBeNull();
    expect(net.starts()).toEqual(ORDER.map(base));
    // The second probe goes out only once the first has settled.
    expect(net.index('refused', base(ORDER[0]!))).toBeLessThan(net.index('start', base(ORDER[1]!)));
  });

  it('keeps a window of 8 over the common targets, from the oldest unanswered one, then sends the rest together', async () => {
    const net = fakeLoopback({});
    // Stall detection out of the way, so only the window decides.
    await discoverRdServices({ fetchImpl: net.fetchImpl, probeTimeoutMs: 5_000, stallAfterMs: 5_000 });
    // Up to the last common target, a target starts only once the one 8 places before it has settled.
    ORDER.slice(PROBE_CONCURRENCY, 12 + PROBE_CONCURRENCY - 1).forEach((target, i) => {
      expect(net.index('refused', base(ORDER[i]!))).toBeLessThan(net.index('start', base(target)));
    });
    // The tail goes out once the common targets have all settled, and all of it together.
    const lastCommonSettled = Math.max(...ORDER.slice(0, 12).map((t) => net.index('refused', base(t))));
    const tailStarts = ORDER.slice(12).map((t) => net.index('start', base(t)));
    expect(Math.min(...tailStarts.slice(PROBE_CONCURRENCY - 1))).toBeGreaterThan(lastCommonSettled);
    expect(net.events.slice(Math.min(...tailStarts.slice(PROBE_CONCURRENCY - 1)), Math.max(...tailStarts)).every((e) => e.kind === 'start')).toBe(true);
  });

  it('when every port stalls, all targets go out long before the first probe times out, and the scan ends with nothing', async () => {
    const net = fakeLoopback(Object.fromEntries(ORDER.map((t) => [base(t), 'stall' as const])));
    expect(await discoverRdServices({ fetchImpl: net.fetchImpl, probeTimeoutMs: 1_500, headStartMs: 20, stallAfterMs: 10 })).toBeNull();
    const lastStart = net.events.map((e) => e.kind).lastIndexOf('start');
    expect(net.starts()).toHaveLength(42);
    expect(lastStart).toBeLessThan(net.index('timeout'));
    expect(net.events.filter((e) => e.kind === 'timeout')).toHaveLength(42);
  });

  for (const place of [12, 42]) {
    it(`with every other port stalling, a device on the ${place}th target is found before any probe times out`, async () => {
      const device = ORDER[place - 1]!;
      const net = fakeLoopback({ ...Object.fromEntries(ORDER.map((t) => [base(t), 'stall' as const])), [base(device)]: { status: 'READY' } });
      const found = await discoverRdServices({ fetchImpl: net.fetchImpl, probeTimeoutMs: 1_500, headStartMs: 20, stallAfterMs: 10 });
      expect(found).toMatchObject({ scheme: device.scheme, port: device.port, service: { status: 'READY' } });
      expect(net.index('timeout')).toBe(-1);
      // Every other probe that went out was stalled, and was cancelled rather than left to run out.
      expect(net.events.filter((e) => e.kind === 'abort')).toHaveLength(net.starts().length - 1);
    });
  }

  it('a device on the first port answers alone, before any other target is probed', async () => {
    const net = fakeLoopback({ 'http://127.0.0.1:11100': { status: 'READY', delayMs: 10 } });
    expect((await discoverRdServices({ fetchImpl: net.fetchImpl, probeTimeoutMs: 500 }))?.port).toBe(11100);
    expect(net.starts()).toEqual(['http://127.0.0.1:11100']);
  });

  it('a first port that stalls holds the others back only for its head start', async () => {
    const net = fakeLoopback({ 'http://127.0.0.1:11100': 'stall', 'http://127.0.0.1:11103': { status: 'READY' } });
    expect((await discoverRdServices({ fetchImpl: net.fetchImpl, probeTimeoutMs: 2_000, headStartMs: 20 }))?.port).toBe(11103);
    expect(net.index('timeout')).toBe(-1);
  });

  it('stops at the first READY device: the probes in flight are cancelled and no new one starts', async () => {
    const net = fakeLoopback({
      'http://127.0.0.1:11104': { status: 'READY', delayMs: 5 },
      'http://127.0.0.1:11101': { status: 'NOTREADY', delayMs: 1 },
      'https://127.0.0.1:11100': 'stall',
    });
    const found = await discoverRdServices({ fetchImpl: net.fetchImpl, probeTimeoutMs: 5_000, stallAfterMs: 5_000 });
    expect(found).toMatchObject({ base: 'http://127.0.0.1:11104', scheme: 'http', port: 11104, service: { status: 'READY' } });
    const answered = net.index('answer', 'http://127.0.0.1:11104');
    expect(net.events.slice(answered).some((e) => e.kind === 'start')).toBe(false);
    expect(net.index('abort', 'https://127.0.0.1:11100')).toBeGreaterThan(answered);
    expect(net.starts().length).toBeLessThan(42);
  });

  it('finds an https-only driver (Morpho, Precision, Tatvik) on the 7th target', async () => {
    const net = fakeLoopback({ 'https://127.0.0.1:11100': { status: 'READY' } });
    expect(await discoverRdServices({ fetchImpl: net.fetchImpl, probeTimeoutMs: 500 })).toMatchObject({
      scheme: 'https',
      port: 11100,
      base: 'https://127.0.0.1:11100',
    });
    expect(net.starts().indexOf('https://127.0.0.1:11100')).toBe(6);
  });

  it('prefers READY over USED over NOTREADY; between equal answers, the earlier target in probe order', async () => {
    let net = fakeLoopback({ 'http://127.0.0.1:11100': { status: 'NOTREADY' }, 'http://127.0.0.1:11102': { status: 'USED' } });
    expect((await discoverRdServices({ fetchImpl: net.fetchImpl, probeTimeoutMs: 500 }))?.service.status).toBe('USED');
    net = fakeLoopback({ 'https://127.0.0.1:11100': { status: 'USED', delayMs: 1 }, 'http://127.0.0.1:11105': { status: 'USED', delayMs: 40 } });
    expect(await discoverRdServices({ fetchImpl: net.fetchImpl, probeTimeoutMs: 500, stallAfterMs: 5_000 })).toMatchObject({ scheme: 'http', port: 11105 });
    net = fakeLoopback({ 'http://127.0.0.1:11100': { status: 'USED' }, 'http://127.0.0.1:11119': { status: 'READY' } });
    expect((await discoverRdServices({ fetchImpl: net.fetchImpl, probeTimeoutMs: 500 }))?.port).toBe(11119);
  });

  it('tries the remembered port alone first, and does not probe it twice when it is no longer READY', async () => {
    let net = fakeLoopback({ 'https://127.0.0.1:11117': { status: 'READY' } });
    expect((await discoverRdServices({ fetchImpl: net.fetchImpl, preferred: { scheme: 'https', port: 11117 } }))?.port).toBe(11117);
    expect(net.starts()).toEqual(['https://127.0.0.1:11117']);

    net = fakeLoopback({ 'https://127.0.0.1:11117': { status: 'USED' } });
    expect(await discoverRdServices({ fetchImpl: net.fetchImpl, probeTimeoutMs: 500, preferred: { scheme: 'https', port: 11117 } })).toMatchObject({
      port: 11117,
      service: { status: 'USED' },
    });
    expect(net.starts().filter((b) => b === 'https://127.0.0.1:11117')).toHaveLength(1);
    expect(net.starts()).toHaveLength(42);
  });

  it('the one-by-one baseline keeps the old order (http 11100–11120, then https), one probe at a time', async () => {
    const net = fakeLoopback({});
    expect(await discoverSequentially({ fetchImpl: net.fetchImpl, probeTimeoutMs: 500 })).toBeNull();
    expect(net.starts()).toEqual([...RD_PORTS.map((p) => `http://127.0.0.1:${p}`), ...RD_PORTS.map((p) => `https://127.0.0.1:${p}`)]);
    expect(net.maxInFlight()).toBe(1);
    const found = fakeLoopback({ 'http://127.0.0.1:11103': { status: 'READY' } });
    expect((await discoverSequentially({ fetchImpl: found.fetchImpl, probeTimeoutMs: 200 }))?.port).toBe(11103);
  });
});

describe('interface paths', () => {
  // Variants drivers send, from vendors' sample code and integrators' public code: Mantra
  // (/rd/capture, /rd/info), Morpho/IDEMIA (/capture, /getDeviceInfo, host and port in the path),
  // Startek (http://localhost:11102/rd/capture), Eko's production client (whitespace and "://"
  // without a scheme), and the sloppy joins of hand-written drivers.
  const accepted: [string, string][] = [
    ['/rd/capture', '/rd/capture'],
    ['/rd/info', '/rd/info'],
    ['/capture', '/capture'],
    ['/getDeviceInfo', '/getDeviceInfo'],
    ['rd/capture', '/rd/capture'],
    ['capture', '/capture'],
    ['/127.0.0.1:11102/capture', '/capture'],
    ['/127.0.0.1:11102/getDeviceInfo', '/getDeviceInfo'],
    ['/127.0.0.1/capture', '/capture'],
    ['127.0.0.1:11100/rd/capture', '/rd/capture'],
    ['localhost:11102/rd/capture', '/rd/capture'],
    ['/localhost:11100/rd/info', '/rd/info'],
    ['http://127.0.0.1:11100/rd/capture', '/rd/capture'],
    ['https://127.0.0.1:11100/rd/info', '/rd/info'],
    ['http://localhost:11102/rd/capture', '/rd/capture'],
    ['HTTPS://LOCALHOST:11100/RD/Capture', '/RD/Capture'],
    ['http://[::1]:11100/rd/capture', '/rd/capture'],
    ['/[::1]:11100/capture', '/capture'],
    ['//127.0.0.1:11100/capture', '/capture'],
    ['http://127.0.0.1/rd/capture', '/rd/capture'],
    ['http://127.0.0.1:/rd/capture', '/rd/capture'],
    // 127.0.0.0/8 is all loopback (see LOOPBACK_IPV4 in parse.ts): harmless, and the host is dropped.
    ['http://127.0.0.2:11100/rd/capture', '/rd/capture'],
    ['http://127.255.255.254:11100/rd/capture', '/rd/capture'],
    // Whitespace around the host, the port and the slashes, inside the host part, and "://" alone.
    ['  http://127.0.0.1:11100  / rd/capture', '/rd/capture'],
    ['  ://127.0.0.1:11100/capture ', '/capture'],
    ['://127.0.0.1:11100/rd/capture', '/rd/capture'],
    [' / 127.0.0.1 : 11102 / capture ', '/capture'],
    ['http :// 127.0.0.1 : 11100 /rd/ capture', '/rd/capture'],
    ['http://127.0.0. 1:11100/rd/capture', '/rd/capture'],
    ['\t/rd/capture\r\n', '/rd/capture'],
    ['/rd /\tcapture', '/rd/capture'],
    // Doubled slashes anywhere, and a single slash after the scheme.
    ['https://127.0.0.1:11100//rd//capture', '/rd/capture'],
    ['rd//capture', '/rd/capture'],
    ['//rd/capture', '/rd/capture'],
    ['///rd///capture', '/rd/capture'],
    ['http:/127.0.0.1:11100/rd/capture', '/rd/capture'],
    ['http:///127.0.0.1:11100/rd/capture', '/rd/capture'],
    // A trailing slash is kept: a server may tell /capture/ from /capture.
    ['/rd/capture/', '/rd/capture/'],
    ['/rd/capture//', '/rd/capture/'],
    // A dotted directory behind one slash is a path on the device itself, not a host.
    ['/rd.svc/capture', '/rd.svc/capture'],
    ['/evil.example/x', '/evil.example/x'],
    ['/rd/capture.xml', '/rd/capture.xml'],
    ['/rd/cap-ture_v2~1', '/rd/cap-ture_v2~1'],
  ];
  for (const [raw, path] of accepted) {
    it(`accepts ${JSON.stringify(raw)} as ${path}`, () => expect(sanitiseInterfacePath(raw)).toBe(path));
  }

  const refused: [string, string][] = [
    // Other hosts, however written.
    ['http://evil.example/steal', 'another host'],
    ['https://evil.example:11100/rd/capture', 'another host with a port'],
    ['//evil.example/x', 'protocol-relative'],
    ['///evil.example/x', 'protocol-relative, extra slash'],
    [' // evil.example /x', 'protocol-relative with spaces'],
    ['://evil.example/capture', '"://" with another host'],
    ['/evil.example:80/x', 'host and port in the path'],
    ['evil.example:11100/rd/capture', 'host and port, no slash'],
    ['http://rd/capture', 'a single-label host after a scheme'],
    ['http://127.0.0.1.evil.example/x', 'loopback as a subdomain'],
    ['http://localhost.evil.example/x', 'localhost as a subdomain'],
    ['http://localhost./x', 'localhost with a trailing dot (resolved by DNS)'],
    ['http://sub.localhost/x', 'a name under localhost'],
    // Addresses other than loopback, and other spellings of loopback.
    ['/10.0.0.5:11100/capture', 'a LAN address in the path'],
    ['/10.0.0.5/capture', 'a LAN address in the path, no port'],
    ['http://192.168.1.10:11100/rd/capture', 'a LAN address'],
    ['http://0.0.0.0:11100/rd/capture', '0.0.0.0'],
    ['http://128.0.0.1/rd/capture', 'outside 127/8'],
    ['http://127.0.0.256/rd/capture', 'not an address'],
    ['http://127.1/rd/capture', 'short form'],
    ['/127.1/capture', 'short form in the path'],
    ['http://0x7f.0.0.1/rd/capture', 'hex'],
    ['http://0177.0.0.1/rd/capture', 'octal'],
    ['http://127.0.0.01/rd/capture', 'a leading zero'],
    ['http://2130706433/rd/capture', 'one decimal number'],
    ['http://[::ffff:127.0.0.1]/rd/capture', 'IPv4-mapped IPv6'],
    ['http://[::2]/rd/capture', 'another IPv6 address'],
    ['http://::1/rd/capture', 'IPv6 without brackets'],
    ['http://127.0.0.1:99999/rd/capture', 'a port out of range'],
    ['http://127.0.0.1:11100x/rd/capture', 'not a port'],
    // Userinfo.
    ['http://user@127.0.0.1:11100/rd/capture', 'userinfo'],
    ['http://127.0.0.1:11100@evil.example/x', 'loopback as userinfo of another host'],
    ['http://evil.example#@127.0.0.1/', 'a fragment hiding the host'],
    ['/user@127.0.0.1:11100/capture', 'userinfo in the path'],
    ['/rd/capture@evil.example', '"@" in a segment'],
    // Encoded tricks and characters URL parsers reinterpret.
    ['/%2f%2fevil.example/x', 'encoded slashes'],
    ['%2F%2Fevil.example/x', 'encoded slashes, no leading slash'],
    ['http%3A%2F%2Fevil.example%2Fx', 'an encoded URL'],
    ['/rd/%2e%2e/admin', 'encoded dot segments'],
    ['/rd/capture%00', 'an encoded NUL'],
    ['\\\\evil.example\\x', 'backslashes'],
    ['/\\evil.example/x', 'slash-backslash'],
    ['http:\\\\127.0.0.1\\rd\\capture', 'backslashes after the scheme'],
    ['/rd/capture\u0000', 'a NUL'],
    ['/rd/\u001bcapture', 'a control character'],
    ['/rd/ｃapture', 'fullwidth letters'],
    ['／／evil.example/x', 'fullwidth slashes'],
    ['/rd/сapture', 'a Cyrillic letter'],
    // Not a path on the device.
    ['/rd/../admin', 'dot-dot'],
    ['/rd/./capture', 'dot'],
    ['..', 'dot-dot alone'],
    ['/rd/capture?next=//evil.example', 'a query'],
    ['/rd/capture#x', 'a fragment'],
    ['/rd/cap ture', 'a space inside a name'],
    ['/rd/cap\nture', 'a line break inside a name'],
    ['/rd/cap:ture', 'a colon in a segment'],
    ['javascript:alert(1)', 'javascript:'],
    ['JavaScript:alert(1)', 'javascript:, mixed case'],
    ['data:text/xml,<x/>', 'data:'],
    ['file:///C:/Windows/win.ini', 'file:'],
    ['ftp://127.0.0.1/rd/capture', 'another scheme on loopback'],
    ['ws://127.0.0.1:11100/rd/capture', 'a WebSocket URL'],
    ['mailto:x@example.com', 'mailto:'],
    ['', 'empty'],
    ['   ', 'blank'],
    ['/', 'the root alone'],
    ['//', 'slashes alone'],
    ['http://127.0.0.1:11100', 'a host and no path'],
    ['http://127.0.0.1:11100/', 'a host and the root'],
    ['/rd/' + 'a'.repeat(600), 'too long'],
  ];
  for (const [raw, why] of refused) {
    it(`refuses ${JSON.stringify(raw)} (${why})`, () => expect(sanitiseInterfacePath(raw)).toBeNull());
  }

  it('never lets a path leave the device: every accepted path is a plain path on the base it is joined to', () => {
    for (const [raw] of [...accepted, ...refused]) {
      const path = sanitiseInterfacePath(raw);
      if (path === null) continue;
      const url = new URL(`http://127.0.0.1:11100${path}`);
      expect(url.origin).toBe('http://127.0.0.1:11100');
      expect(url.pathname).toBe(path);
    }
  });
});

describe('RD replies', () => {
  it('selects interfaces by id, whatever their order', () => {
    const info = parseRdServiceInfo(rdService('READY', '<Interface id="CAPTURE" path="/capture" /><Interface id="DEVICEINFO" path="/getDeviceInfo" />'));
    expect(info).toEqual({ status: 'READY', info: 'Test Vendor Device Manager', paths: { CAPTURE: '/capture', DEVICEINFO: '/getDeviceInfo' } });
  });

  it('reads messy replies: either quote, any attribute order and case, spaces around "=", line breaks, a declaration and comments', () => {
    const xml = [
      '\ufeff<?xml version="1.0" encoding="UTF-8"?>',
      '<!-- <Interface id="CAPTURE" path="http://evil.example/capture" /> -->',
      "<RDService info='Morpho_RD_Service > L1' status = ' used ' >",
      '\t<Interface path="  http://127.0.0.1:11100  / rd/capture" id=\'CAPTURE\'/>',
      '\t<Interface',
      '\t\tPATH=\'  ://127.0.0.1:11100/getDeviceInfo \' ID = "deviceinfo" />',
      '</RDService>',
    ].join('\r\n');
    expect(parseRdServiceInfo(xml)).toEqual({
      status: 'USED',
      info: 'Morpho_RD_Service > L1',
      paths: { CAPTURE: '/rd/capture', DEVICEINFO: '/getDeviceInfo' },
    });
    // Eko's production client's own sample.
    const eko = `<RDService status='USED' info='Morpho_RD_Service'>\n\t<Interface id="CAPTURE" path="  http://127.0.0.1:11100  / rd/capture" />\n</RDService>`;
    expect(parseRdServiceInfo(eko)).toEqual({ status: 'USED', info: 'Morpho_RD_Service', paths: { CAPTURE: '/rd/capture' } });
    // Morpho's sample reply (NOTREADY, host inside the paths).
    const morpho =
      '<RDService status="NOTREADY" info="Morpho_RD_Service"><Interface id="CAPTURE" path="/127.0.0.1:11102/capture" /><Interface id="DEVICEINFO" path="/127.0.0.1:11102/getDeviceInfo" /></RDService>';
    expect(parseRdServiceInfo(morpho)).toEqual({ status: 'NOTREADY', info: 'Morpho_RD_Service', paths: { CAPTURE: '/capture', DEVICEINFO: '/getDeviceInfo' } });
  });

  it('refuses an interface that would leave loopback, even spelled with entities, and keeps the others', () => {
    const info = parseRdServiceInfo(
      rdService(
        'READY',
        '<Interface id="CAPTURE" path="&#47;&#47;evil.example/x" /><Interface id="DEVICEINFO" path="/127.0.0.1:11102/getDeviceInfo" /><Interface id="X" path="&#x5c;&#x5c;evil.example" />',
      ),
    );
    expect(info?.paths).toEqual({ DEVICEINFO: '/getDeviceInfo' });
    expect(parseRdServiceInfo(rdService('READY', '<Interface id="CAPTURE" path="http://127.0.0.1:11100@evil.example/capture" />'))?.paths).toEqual({});
  });

  it('takes the first usable interface of an id, and INFO for DEVICEINFO when there is no DEVICEINFO', () => {
    const xml = rdService(
      'READY',
      '<Interface id="CAPTURE" path="http://evil.example/x" /><Interface id="CAPTURE" path="/rd/capture" /><Interface id="CAPTURE" path="/other" /><Interface id="INFO" path="/rd/info" />',
    );
    expect(parseRdServiceInfo(xml)?.paths).toEqual({ CAPTURE: '/rd/capture', DEVICEINFO: '/rd/info' });
    expect(parseRdServiceInfo(rdService('READY', '<Interface id="INFO" path="/a" /><Interface id="DEVICEINFO" path="/b" />'))?.paths).toEqual({
      DEVICEINFO: '/b',
    });
  });

  it('reads the status, and unknown statuses as UNKNOWN; not RD XML as null', () => {
    expect(parseRdServiceInfo(rdService('USED'))?.status).toBe('USED');
    expect(parseRdServiceInfo(rdService('ready'))?.status).toBe('READY');
    expect(parseRdServiceInfo(rdService('WEIRD'))?.status).toBe('UNKNOWN');
    expect(parseRdServiceInfo('<html>hi</html>')).toBeNull();
    expect(parseRdServiceInfo('<RDServiceX status="READY"/>')).toBeNull();
    // An attribute called like an Object method is only an attribute.
    expect(parseRdServiceInfo('<RDService constructor="x" __proto__="y" status="READY"/>')).toEqual({ status: 'READY', info: '', paths: {} });
    expect(parseRdServiceInfo('<RDService status="READY" info="&#9999999999;"/>')?.info).toBe('&#9999999999;');
  });

  it('reads DEVICEINFO whatever its attribute order, quotes and case', () => {
    const xml = `<?xml version="1.0"?>\r\n<DeviceInfo mi='MFS110 L1' dc="abc" rdsVer='1.0.8' DPID = "MANTRA.MSIPL" mc='MIIB' rdsId="RENESAS.MANTRA.001"><additional_info><Param name='srno' value="1"/></additional_info></DeviceInfo>`;
    expect(parseDeviceInfo(xml)).toEqual({ dpId: 'MANTRA.MSIPL', rdsId: 'RENESAS.MANTRA.001', rdsVer: '1.0.8', mi: 'MFS110 L1', dc: 'abc' });
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
    expect(parsePidResponse('<PidData><Resp errCode="720" errInfo="Device not ready" /></PidData>')).toMatchObject({
      errCode: '720',
      qScores: [],
      nmPoints: [],
    });
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
    const cases: [string, string][] = [
      ['710', 'in_use'],
      ['720', 'not_ready'],
      ['700', 'device'],
      ['-1307', 'device'],
    ];
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
