// The site settings readers see, per language (#19): `translations` in src/site.config.ts, checked when the config is
// read, and each setting falling back to the default language's.
import { describe, expect, it } from 'vitest';
import { siteText, siteTextOf } from '../../src/i18n/site-text.ts';
import { parseSiteConfig, site } from '../../src/site.config.ts';

const base = {
  productName: 'Acme',
  helpCenterName: 'Acme Help',
  baseUrl: 'https://help.acme.example',
  supportHours: 'Weekdays, 9 to 5',
  supportEmail: 'help@acme.example',
  audiences: [{ id: 'buyer', label: 'Buyers' }],
  topics: [
    { id: 'billing', label: 'Billing' },
    { id: 'other', label: 'Something else' },
  ],
  languages: [
    { code: 'en', name: 'English' },
    { code: 'fr', name: 'Français' },
  ],
  brand: {
    logo: { light: '/brand/logo-light.svg', dark: '/brand/logo-dark.svg' },
    colors: { accent: { light: '#0b5cad', dark: '#7db8f5' }, accentText: { light: '#ffffff', dark: '#0d1117' } },
  },
};

describe('site settings per language', () => {
  it('give each language its own words, and the settings themselves where it has none', () => {
    const config = parseSiteConfig({
      ...base,
      translations: { fr: { helpCenterName: 'Aide Acme', topics: { billing: 'Facturation' }, audiences: { buyer: 'Acheteurs' } } },
    });
    const fr = siteTextOf(config, 'fr');
    expect(fr.helpCenterName).toBe('Aide Acme');
    expect(fr.supportHours).toBe('Weekdays, 9 to 5');
    expect(fr.topics).toEqual([
      { id: 'billing', label: 'Facturation' },
      { id: 'other', label: 'Something else' },
    ]);
    expect([fr.topicLabel('billing'), fr.audienceLabel('buyer'), fr.topicLabel('gone')]).toEqual(['Facturation', 'Acheteurs', 'gone']);
    expect(siteTextOf(config, 'en')).toMatchObject({ helpCenterName: 'Acme Help', topics: base.topics, audiences: base.audiences });
  });

  it('refuse a language that is not configured, or a topic or audience that does not exist, naming the setting', () => {
    expect(() => parseSiteConfig({ ...base, translations: { de: { helpCenterName: 'Acme Hilfe' } } })).toThrow(
      /translations\.de: must be the code of one of `languages`/,
    );
    expect(() => parseSiteConfig({ ...base, translations: { fr: { topics: { payments: 'Paiements' } } } })).toThrow(
      /translations\.fr\.topics\.payments: not one of `topics` \(billing, other\)/,
    );
    expect(() => parseSiteConfig({ ...base, translations: { fr: { audiences: { seller: 'Vendeurs' } } } })).toThrow(
      /translations\.fr\.audiences\.seller: /,
    );
    expect(() => parseSiteConfig({ ...base, translations: { fr: { supportHours: '' } } })).toThrow(/translations\.fr\.supportHours: /);
    expect(() => parseSiteConfig({ ...base, translations: { fr: { helpCentreName: 'Aide' } } })).toThrow(/translations\.fr: /);
  });

  it('in the demo: Spanish for every topic and audience, and the help center’s name and hours', () => {
    const es = siteText('es');
    expect(es.helpCenterName).not.toBe(site.helpCenterName);
    expect(es.supportHours).not.toBe(site.supportHours);
    for (const { id, label } of site.topics) expect(es.topicLabel(id), id).not.toBe(label);
    for (const { id, label } of site.audiences) expect(es.audienceLabel(id), id).not.toBe(label);
  });
});
