import { describe, expect, it } from 'vitest';
import { announcementSettings, eventSettings, feedbackSettings } from '../../src/server/settings.ts';

describe('reader settings', () => {
  it('limit feedback to 20 and event batches to 30 per client and minute unless told otherwise (0 = off)', () => {
    expect(feedbackSettings({})).toEqual({ rateLimitPerMinute: 20, trustedProxyHops: 0, publicOrigin: undefined });
    expect(feedbackSettings({ FEEDBACK_RATE_LIMIT: '0', TRUST_PROXY: '1' })).toMatchObject({ rateLimitPerMinute: 0, trustedProxyHops: 1 });
    expect(eventSettings({})).toEqual({ rateLimitPerMinute: 30, trustedProxyHops: 0, publicOrigin: undefined, retentionDays: 180 });
    expect(eventSettings({ EVENT_RATE_LIMIT: '5', SITE_URL: 'https://help.example.com' })).toMatchObject({
      rateLimitPerMinute: 5,
      publicOrigin: 'https://help.example.com',
    });
    expect(() => feedbackSettings({ FEEDBACK_RATE_LIMIT: 'lots' })).toThrow(/^FEEDBACK_RATE_LIMIT must be a whole number/);
  });

  it('read the country from the header COUNTRY_HEADER names, or from nowhere', () => {
    expect(announcementSettings({})).toEqual({ countryHeader: undefined });
    expect(announcementSettings({ COUNTRY_HEADER: ' CF-IPCountry ' })).toEqual({ countryHeader: 'cf-ipcountry' });
    expect(() => announcementSettings({ COUNTRY_HEADER: 'X Country: GB' })).toThrow(
      'COUNTRY_HEADER must be a header name such as CF-IPCountry (got "X Country: GB")',
    );
  });
});
