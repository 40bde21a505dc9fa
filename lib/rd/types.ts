import type { Scheme } from './discovery';
import type { DeviceInfo, RdServiceInfo } from './parse';

export type RdErrorCode =
  | 'lna_denied' // the browser blocks loopback requests (Local Network Access)
  | 'not_found' // no RD service answered on any port
  | 'not_ready' // NOTREADY / 720 / device not connected
  | 'in_use' // USED / 710
  | 'busy' // a capture is already in flight in this page
  | 'no_response' // the service stopped answering within the capture timeout + margin
  | 'device' // the RD service answered with a non-zero errCode (see errCode)
  | 'bad_reply' // an answer that is not RD XML
  | 'no_rd_app' // Android: no RD service app installed
  | 'cancelled'; // Android: the agent backed out of the RD app

export class RdError extends Error {
  constructor(
    readonly code: RdErrorCode,
    readonly errCode?: string,
    readonly errInfo?: string,
  ) {
    super(code);
    this.name = 'RdError';
  }
}

/** Where the scanner answered: a loopback port and scheme, or the Android RD app. Named on the panel for support calls. */
export type ScannerEndpoint = { kind: 'http'; scheme: Scheme; port: number } | { kind: 'android'; package: string };

export interface ScannerFound {
  status: 'READY' | 'NOTREADY' | 'USED';
  info: string;
  where: ScannerEndpoint;
}

export type Discovery = { kind: 'found'; scanner: ScannerFound } | { kind: 'none' };

/** One way to reach the fingerprint scanner: HTTP on loopback, or an Android wrapper's bridge. */
export interface RdProvider {
  readonly kind: 'http' | 'android';
  discover(): Promise<Discovery>;
  deviceInfo(): Promise<DeviceInfo | null>;
  /** Resolves with the whole PidData XML, unchanged; rejects with RdError. */
  capture(pidOptions: string): Promise<string>;
}

export type { DeviceInfo, RdServiceInfo };
