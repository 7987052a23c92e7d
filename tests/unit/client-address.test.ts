import { describe, expect, it } from 'vitest';
import { clientAddress, rateLimitKey } from '../../src/server/http/client-address.ts';

describe('clientAddress', () => {
  it('uses the socket unless proxies are trusted', () => {
    expect(clientAddress('10.0.0.1', '203.0.113.5', 0)).toBe('10.0.0.1');
    expect(clientAddress('10.0.0.1', null, 1)).toBe('10.0.0.1');
  });

  it('takes the entry the nearest trusted proxy appended, not what the client wrote further left', () => {
    expect(clientAddress('10.0.0.1', '203.0.113.5', 1)).toBe('203.0.113.5');
    expect(clientAddress('10.0.0.1', '1.2.3.4, 203.0.113.5', 1)).toBe('203.0.113.5');
    expect(clientAddress('10.0.0.1', '1.2.3.4, 203.0.113.5, 10.0.0.2', 2)).toBe('203.0.113.5');
    expect(clientAddress('10.0.0.1', '203.0.113.5', 3)).toBe('203.0.113.5');
  });
});

describe('rateLimitKey', () => {
  it('keeps IPv4 addresses and unwraps IPv4-mapped IPv6', () => {
    expect(rateLimitKey('198.51.100.7')).toBe('198.51.100.7');
    expect(rateLimitKey('::ffff:198.51.100.7')).toBe('198.51.100.7');
  });

  it('groups an IPv6 client by its /64', () => {
    expect(rateLimitKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(rateLimitKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(rateLimitKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(rateLimitKey('::1')).toBe('0:0:0:0::/64');
  });
});
