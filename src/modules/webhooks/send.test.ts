import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { TEST_TLS_CERT, TEST_TLS_KEY, TEST_TLS_NAME } from '../../testing/tls-cert.js';
import { isPublicAddress } from './public-address.js';
import { guardedAgent, postWebhook, type Lookup } from './send.js';

const REFUSED = [
  '0.0.0.0',
  '0.1.2.3',
  '10.0.0.1',
  '100.64.0.1',
  '100.127.255.254',
  '127.0.0.1',
  '127.255.255.254',
  '169.254.169.254',
  '172.16.0.1',
  '172.31.255.255',
  '192.0.0.8',
  '192.0.2.1',
  '192.168.1.1',
  '198.18.0.1',
  '198.51.100.7',
  '203.0.113.9',
  '224.0.0.1',
  '239.255.255.250',
  '240.0.0.1',
  '255.255.255.255',
  '::',
  '::1',
  '::ffff:127.0.0.1',
  '::ffff:169.254.169.254',
  '::ffff:10.0.0.1',
  '::127.0.0.1',
  '::10.0.0.1',
  '64:ff9b::127.0.0.1',
  '64:ff9b::169.254.169.254',
  '64:ff9b:1::8.8.8.8',
  '2002:7f00:1::1',
  '2002:a9fe:a9fe::',
  'fc00::1',
  'fd12:3456::1',
  'fe80::1',
  'fec0::1',
  'ff02::1',
  '2001:db8::1',
  '2001::1',
  '2001:2::1',
  '3fff::1',
  '100::1',
  '5f00::1',
  '::ffff:0:7f00:1',
];
const PUBLIC = [
  '8.8.8.8',
  '1.1.1.1',
  '100.128.0.1',
  '172.32.0.1',
  '192.169.0.1',
  '93.184.216.34',
  '2606:4700:4700::1111',
  '2001:4860:4860::8888',
  '::ffff:8.8.8.8',
  '64:ff9b::8.8.8.8',
  '2002:808:808::1',
];

test('only public unicast addresses pass, in every IPv6 form that carries an IPv4 address', () => {
  for (const ip of REFUSED) assert.equal(isPublicAddress(ip), false, ip);
  for (const ip of PUBLIC) assert.equal(isPublicAddress(ip), true, ip);
  for (const notIp of ['localhost', '', '127.0.0.1.', '[::1]']) assert.equal(isPublicAddress(notIp), false, notIp);
});

let plain: Server;
let tls: Server;
const hits: string[] = [];
const port = (s: Server) => (s.address() as AddressInfo).port;
before(async () => {
  const handler = (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
    hits.push(`${req.headers.host}${req.url}`);
    req.resume();
    req.on('end', () => res.writeHead(200).end('ok'));
  };
  plain = createServer(handler);
  tls = createTlsServer({ key: TEST_TLS_KEY, cert: TEST_TLS_CERT }, handler);
  await Promise.all([plain, tls].map((s) => new Promise<void>((r) => s.listen(0, '127.0.0.1', r))));
});
after(() => {
  for (const s of [plain, tls]) {
    s.closeAllConnections();
    s.close();
  }
});

const answers = (...sequence: string[][]) => {
  const calls: string[] = [];
  const lookup: Lookup = async (host) => {
    calls.push(host);
    return sequence[Math.min(calls.length, sequence.length) - 1];
  };
  return { lookup, calls };
};
const post = (url: string, allowPrivate: boolean, lookup: Lookup, ca?: string) =>
  postWebhook(url, '{}', {}, { allowPrivate, timeoutMs: 5_000, dispatcher: guardedAgent({ allowPrivate, lookup, ca }) });

test('a name is refused when any address of its answer is not public; nothing is sent', async () => {
  for (const answer of [['127.0.0.1'], ['93.184.216.34', '127.0.0.1'], ['::1'], ['2606:4700::1', 'fd00::1'], ['169.254.169.254']]) {
    const { lookup, calls } = answers(answer);
    const a = await post(`http://hooks.example.com:${port(plain)}/mixed`, false, lookup);
    assert.equal(a.error, 'refused: not a public address', answer.join(','));
    assert.equal(a.status, null);
    assert.deepEqual(calls, ['hooks.example.com']);
  }
  for (const literal of ['127.0.0.1', '[::1]', '[::ffff:7f00:1]']) {
    const { lookup, calls } = answers(['93.184.216.34']);
    assert.equal((await post(`http://${literal}:${port(plain)}/literal`, false, lookup)).error, 'refused: not a public address');
    assert.deepEqual(calls, [], 'a literal address is checked as written, not looked up');
  }
  assert.deepEqual(hits, []);
});

test('the socket connects to the address that was checked: a name is looked up once, never again by the system', async () => {
  // "rebind.example" does not resolve on this machine: the request can only arrive through the checked answer
  const { lookup, calls } = answers(['127.0.0.1'], ['10.9.9.9']);
  const a = await post(`http://rebind.example:${port(plain)}/once`, true, lookup);
  assert.equal(a.error, null);
  assert.equal(a.status, 200);
  assert.ok(Number.isInteger(a.durationMs) && a.durationMs >= 0);
  assert.deepEqual(calls, ['rebind.example']);
  assert.deepEqual(hits.splice(0), [`rebind.example:${port(plain)}/once`], 'the Host header keeps the name');
});

test('over TLS the certificate is still checked against the URL name, not the address connected to', async () => {
  const { lookup } = answers(['127.0.0.1']);
  const ok = await post(`https://${TEST_TLS_NAME}:${port(tls)}/tls`, true, lookup, TEST_TLS_CERT);
  assert.equal(ok.error, null);
  assert.equal(ok.status, 200);
  const wrongName = await post(`https://other.example.com:${port(tls)}/tls`, true, answers(['127.0.0.1']).lookup, TEST_TLS_CERT);
  assert.equal(wrongName.error, 'TLS error');
  const untrusted = await post(`https://${TEST_TLS_NAME}:${port(tls)}/tls`, true, answers(['127.0.0.1']).lookup);
  assert.equal(untrusted.error, 'TLS error');
  assert.deepEqual(hits.splice(0), [`${TEST_TLS_NAME}:${port(tls)}/tls`]);
});
