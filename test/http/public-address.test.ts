// Which addresses an outgoing request of ours may go to: public unicast only. Every internal range,
// in every form an address can be written in (IPv4-mapped, NAT64, 6to4, brackets, zones).
import assert from 'node:assert/strict';
import { isPublicAddress, nonPublicRange } from '../../server/http/public-address';

describe('http: public addresses (no outgoing request to an internal one)', () => {
  it('refuses every internal IPv4 range, at both ends of each', () => {
    const internal: Record<string, string[]> = {
      'this network': ['0.0.0.0', '0.255.255.255'],
      private: ['10.0.0.1', '10.255.255.255', '172.16.0.1', '172.31.255.255', '192.168.0.1', '192.168.255.255'],
      'shared address space (CGNAT)': ['100.64.0.1', '100.127.255.255'],
      loopback: ['127.0.0.1', '127.255.255.254', '127.1.2.3'],
      'link-local': ['169.254.169.254', '169.254.0.1'],
      'IETF protocol assignments': ['192.0.0.8'],
      documentation: ['192.0.2.1', '198.51.100.7', '203.0.113.255'],
      '6to4 relay anycast': ['192.88.99.1'],
      benchmarking: ['198.18.0.1', '198.19.255.255'],
      multicast: ['224.0.0.1', '239.255.255.250'],
      reserved: ['240.0.0.1', '255.255.255.255'],
    };
    for (const [range, addresses] of Object.entries(internal))
      for (const address of addresses) assert.equal(nonPublicRange(address), range, address);
  });

  it('lets public IPv4 addresses through, right next to the internal ranges too', () => {
    for (const address of ['1.1.1.1', '8.8.8.8', '93.184.215.14', '9.255.255.255', '11.0.0.0', '100.63.255.255', '100.128.0.0'])
      assert.equal(nonPublicRange(address), null, address);
    for (const address of ['172.15.255.255', '172.32.0.0', '169.253.255.255', '192.167.255.255', '198.17.255.255', '223.255.255.255'])
      assert.ok(isPublicAddress(address), address);
  });

  it('refuses internal IPv6 addresses: loopback, unspecified, unique local, link-local, multicast, documentation', () => {
    const internal: Record<string, string> = {
      '::1': 'loopback',
      '0:0:0:0:0:0:0:1': 'loopback',
      '[::1]': 'loopback',
      '::': 'unspecified',
      'fc00::1': 'unique local (private)',
      'fd12:3456:789a::1': 'unique local (private)',
      'fe80::1': 'link-local',
      'fe80::1%eth0': 'link-local',
      'febf:ffff::1': 'link-local',
      'fec0::1': 'site-local (deprecated)',
      'ff02::1': 'multicast',
      '2001:db8::1': 'documentation',
      '3fff::1': 'documentation',
      '2001::1': 'IETF protocol assignments', // Teredo
      '100::1': 'discard-only',
      '64:ff9b:1::1': 'NAT64 local use',
      '::7f00:1': 'IPv4-compatible (deprecated)',
    };
    for (const [address, range] of Object.entries(internal)) assert.equal(nonPublicRange(address), range, address);
  });

  it('judges an IPv6 form that carries an IPv4 address by that address (mapped, NAT64, 6to4)', () => {
    for (const address of [
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '[::ffff:7f00:1]',
      '0:0:0:0:0:ffff:7f00:0001',
      '::FFFF:127.0.0.1',
      '64:ff9b::127.0.0.1',
      '64:ff9b::7f00:1',
      '2002:7f00:1::1',
    ])
      assert.equal(nonPublicRange(address), 'loopback', address);
    assert.equal(nonPublicRange('::ffff:a9fe:a9fe'), 'link-local', '169.254.169.254 mapped');
    assert.equal(nonPublicRange('::ffff:10.1.2.3'), 'private');
    assert.equal(nonPublicRange('2002:c0a8:0101::1'), 'private', '6to4 of 192.168.1.1');
    assert.equal(nonPublicRange('::ffff:0:127.0.0.1'), 'IPv4-translated');
    for (const address of ['::ffff:8.8.8.8', '64:ff9b::808:808', '2002:0808:0808::1']) assert.equal(nonPublicRange(address), null, address);
  });

  it('lets global unicast IPv6 through', () => {
    for (const address of ['2a00:1450:4001:80b::200e', '2606:4700:4700::1111', '[2a01:7c8:aab5:30c::1]', '2001:4860:4860::8888'])
      assert.equal(nonPublicRange(address), null, address);
  });

  it('refuses anything that is not plainly an IP address (other notations are the URL parser’s to normalise)', () => {
    for (const address of [
      '',
      'localhost',
      '2130706433',
      '0x7f.1',
      '0177.0.0.1',
      '127.1',
      '127.0.0.1.',
      '256.1.1.1',
      '1.2.3',
      '::ffff:999.0.0.1',
      'fe80::1::2',
    ])
      assert.equal(isPublicAddress(address), false, address);
  });
});
