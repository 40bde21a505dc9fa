import { randomBytes, randomUUID } from 'node:crypto';

// The sandbox's synthetic PidData. Real PID blocks are encrypted for UIDAI; this one carries, in
// its Data element, which wadh the capture was made with and a one-time nonce, so the Eko sandbox
// can refuse a capture made for the wrong use (as the real service does) or sent twice.

export const SANDBOX_PID_MARKER = 'AGENTDESK-SANDBOX-PID;';

export interface SandboxPidFacts {
  /** null when the PidOptions had no wadh attribute at all. */
  wadh: string | null;
  nonce: string;
  capturedAt: string;
}

export function syntheticPidData(opts: { wadh: string | null; qScore: number; nmPoints: number; fType: string }): string {
  const facts: SandboxPidFacts = { wadh: opts.wadh, nonce: randomUUID(), capturedAt: new Date().toISOString() };
  const data = Buffer.from(SANDBOX_PID_MARKER + JSON.stringify(facts)).toString('base64');
  return [
    '<PidData>',
    `  <Resp errCode="0" errInfo="Success." fCount="1" fType="${opts.fType}" nmPoints="${opts.nmPoints}" qScore="${opts.qScore}" />`,
    '  <DeviceInfo dpId="AGENTDESK.SANDBOX" rdsId="AGENTDESK.SANDBOX.WIN.001" rdsVer="1.0.0" mi="SANDBOX-FP L1" mc="U0FOREJPWC1DRVJU" dc="5a9d1c7e-0000-4b00-8000-sandbox00001">',
    '    <additional_info><Param name="srno" value="SBX0001" /></additional_info>',
    '  </DeviceInfo>',
    `  <Skey ci="20301231">${randomBytes(256).toString('base64')}</Skey>`,
    `  <Hmac>${randomBytes(32).toString('base64')}</Hmac>`,
    `  <Data type="X">${data}</Data>`,
    '</PidData>',
  ].join('\n');
}

export function errorPidData(errCode: string, errInfo: string): string {
  return `<PidData>\n  <Resp errCode="${errCode}" errInfo="${errInfo}" fCount="1" fType="2" />\n</PidData>`;
}

/** For the Eko sandbox: the facts of a sandbox capture, or null for anything else. */
export function readSandboxPid(pidData: string): SandboxPidFacts | null {
  const m = /<Data\s+type="X"\s*>([^<]*)<\/Data>/.exec(pidData);
  if (!m) return null;
  const text = Buffer.from(m[1]!.trim(), 'base64').toString('utf8');
  if (!text.startsWith(SANDBOX_PID_MARKER)) return null;
  try {
    return JSON.parse(text.slice(SANDBOX_PID_MARKER.length)) as SandboxPidFacts;
  } catch {
    return null;
  }
}
