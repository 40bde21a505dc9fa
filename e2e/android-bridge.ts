// A fake native wrapper for the Android bridge protocol (README, "Android bridge"): it answers
// like an RD Service app would, with a sandbox-format PidData that records the wadh it was given.
export const FAKE_ANDROID_BRIDGE = `
window.__bridgeLog = [];
window.AgentDeskRdBridge = {
  postMessage(message) {
    const m = JSON.parse(message);
    window.__bridgeLog.push(m.type);
    setTimeout(() => {
      let reply;
      if (m.type === 'discover') {
        reply = { id: m.id, ok: true, result: { status: 'READY', info: 'Fake Android RD Service (test)', package: 'com.example.rdservice' } };
      } else if (m.type === 'deviceInfo') {
        reply = { id: m.id, ok: true, result: { deviceInfo: '<DeviceInfo dpId="FAKE.ANDROID" rdsId="FAKE.AND.001" rdsVer="1.0" mi="FAKE-TAB L1" dc="fake-dc" />' } };
      } else if (m.type === 'capture') {
        const wadh = /wadh="([^"]*)"/.exec(m.pidOptions);
        const facts = { wadh: wadh ? wadh[1] : null, nonce: crypto.randomUUID(), capturedAt: new Date().toISOString() };
        const data = btoa('AGENTDESK-SANDBOX-PID;' + JSON.stringify(facts));
        const pid = '<PidData><Resp errCode="0" errInfo="Capture Success" fCount="1" fType="2" nmPoints="41" qScore="81" />'
          + '<DeviceInfo dpId="FAKE.ANDROID" rdsId="FAKE.AND.001" rdsVer="1.0" mi="FAKE-TAB L1" mc="RkFLRQ==" dc="fake-dc" />'
          + '<Skey ci="20301231">RkFLRQ==</Skey><Hmac>RkFLRQ==</Hmac><Data type="X">' + data + '</Data></PidData>';
        reply = { id: m.id, ok: true, result: { pidData: pid } };
      } else {
        reply = { id: m.id, ok: false, error: { code: 'unknown', message: 'unknown request' } };
      }
      window.agentDeskRdBridgeReply(JSON.stringify(reply));
    }, 50);
  },
};
`;
