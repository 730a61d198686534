// One reader, as far as an address tells: an IPv4 address, or the /64 of an IPv6 address; and the
// wider net a rate limit counts (IPv4 /24, IPv6 /48), whatever way the address is written.
import assert from 'node:assert/strict';
import { readerAddress, readerNetwork } from '../../server/http/reader-address';

describe('http: reader address', () => {
  it('takes an IPv4 address as one reader, and its /24 as the net', () => {
    assert.equal(readerAddress('192.0.2.17'), '192.0.2.17');
    assert.equal(readerAddress(' 192.0.2.17 '), '192.0.2.17');
    assert.notEqual(readerAddress('192.0.2.17'), readerAddress('192.0.2.18'));
    assert.equal(readerNetwork('192.0.2.17'), '192.0.2.0/24');
    assert.equal(readerNetwork('192.0.2.250'), '192.0.2.0/24');
    assert.notEqual(readerNetwork('192.0.2.17'), readerNetwork('192.0.3.17'));
  });

  it('takes every address of one IPv6 /64 as one reader, written in full or compressed, in any case', () => {
    const reader = '2001:db8:1:2::/64';
    for (const ip of [
      '2001:db8:1:2::1',
      '2001:db8:1:2::2',
      '2001:0db8:0001:0002:0000:0000:0000:0001',
      '2001:DB8:1:2:FFFF:FFFF:FFFF:FFFF',
      '2001:db8:1:2:a:b:c:d',
      '2001:db8:1:2:0:0:c0a8:101',
      '2001:db8:1:2::192.168.1.1',
    ])
      assert.equal(readerAddress(ip), reader, ip);
    assert.notEqual(readerAddress('2001:db8:1:3::1'), reader, 'the next /64 is another reader');
    assert.equal(readerAddress('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(readerAddress('::1'), '0:0:0:0::/64');
    assert.equal(readerAddress('::'), '0:0:0:0::/64');
  });

  it('takes an IPv6 /48 as the net of a rate limit', () => {
    assert.equal(readerNetwork('2001:db8:1:2::1'), '2001:db8:1::/48');
    assert.equal(readerNetwork('2001:db8:1:ffff:1:2:3:4'), '2001:db8:1::/48');
    assert.notEqual(readerNetwork('2001:db8:2::1'), readerNetwork('2001:db8:1::1'));
  });

  it('takes an IPv4-mapped IPv6 address as the IPv4 address it carries', () => {
    assert.equal(readerAddress('::ffff:192.0.2.17'), '192.0.2.17');
    assert.equal(readerAddress('::FFFF:192.0.2.17'), '192.0.2.17');
    assert.equal(readerAddress('::ffff:c000:211'), '192.0.2.17');
    assert.equal(readerAddress('0:0:0:0:0:ffff:192.0.2.17'), '192.0.2.17');
    assert.equal(readerNetwork('::ffff:192.0.2.17'), '192.0.2.0/24');
  });

  it('drops a zone id, brackets and a port', () => {
    assert.equal(readerAddress('fe80::1%eth0'), 'fe80:0:0:0::/64');
    assert.equal(readerAddress('fe80::2%25en0'), 'fe80:0:0:0::/64');
    assert.equal(readerAddress('[2001:db8:1:2::5]'), '2001:db8:1:2::/64');
    assert.equal(readerAddress('[2001:db8:1:2::5]:443'), '2001:db8:1:2::/64');
    assert.equal(readerAddress('192.0.2.17:51234'), '192.0.2.17');
  });

  it('keeps anything that is not an address as it came, trimmed and lower-cased', () => {
    for (const odd of ['', 'unknown', '1.2.3', '01.2.3.4', '256.1.1.1', '1:2:3', '1::2::3', '1:2:3:4:5:6:7:8:9', '1.2.3.4::', 'g::1'])
      assert.equal(readerAddress(odd), odd.toLowerCase(), odd);
    assert.equal(readerAddress(' Onbekend '), 'onbekend');
    assert.equal(readerNetwork('onbekend'), 'onbekend');
  });
});
