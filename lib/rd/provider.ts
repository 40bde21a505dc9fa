import { AndroidBridgeProvider, hasAndroidBridge } from './android-bridge';
import { HttpRdProvider } from './http-provider';
import type { RdProvider } from './types';

let provider: RdProvider | null = null;

/** The Android bridge when a native wrapper provides one, else the loopback HTTP service. */
export function rdProvider(): RdProvider {
  provider ??= hasAndroidBridge() ? new AndroidBridgeProvider() : new HttpRdProvider();
  return provider;
}
