import { describe, expect, it } from 'vitest';
import { supportRequestSettings } from '../../src/server/settings.ts';

describe('support request settings', () => {
  it('defaults to 10 submissions a minute, no trusted proxy, no public origin', () => {
    expect(supportRequestSettings({})).toEqual({ rateLimitPerMinute: 10, trustedProxyHops: 0, publicOrigin: undefined });
  });

  it('reads ESCALATION_RATE_LIMIT (0 = off), TRUST_PROXY and SITE_URL', () => {
    expect(supportRequestSettings({ ESCALATION_RATE_LIMIT: '0', TRUST_PROXY: 'true', SITE_URL: 'https://help.example.com/base/' })).toEqual(
      {
        rateLimitPerMinute: 0,
        trustedProxyHops: 1,
        publicOrigin: 'https://help.example.com',
      },
    );
    expect(supportRequestSettings({ TRUST_PROXY: '2' }).trustedProxyHops).toBe(2);
    expect(supportRequestSettings({ TRUST_PROXY: 'false' }).trustedProxyHops).toBe(0);
  });

  it('names the variable when a value is wrong', () => {
    expect(() => supportRequestSettings({ ESCALATION_RATE_LIMIT: '-1' })).toThrow(
      'ESCALATION_RATE_LIMIT must be a whole number, 0 or more (got "-1")',
    );
    expect(() => supportRequestSettings({ TRUST_PROXY: 'yes' })).toThrow(/^TRUST_PROXY must be/);
    expect(() => supportRequestSettings({ SITE_URL: 'help.example.com' })).toThrow(/^SITE_URL must be an absolute URL/);
  });
});
