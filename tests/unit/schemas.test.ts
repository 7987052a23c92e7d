import { describe, expect, it } from 'vitest';
import { articleSchema, categorySchema } from '../../src/lib/content-schemas.ts';
import { parseSiteConfig, site } from '../../src/site.config.ts';

const valid = {
  title: 'Reset your password',
  description: 'How to choose a new password when you cannot remember the old one.',
  category: 'account-access',
  updated: '2026-10-01',
};

const fieldErrors = (input: object) => {
  const result = articleSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('article frontmatter', () => {
  it('fills defaults an editor may leave out', () => {
    const data = articleSchema.parse(valid);
    expect(data.audience).toEqual(site.audiences.map((a) => a.id));
    expect(data).toMatchObject({ keywords: [], related: [], aliases: [], draft: false, popular: false });
    expect(data.updated).toEqual(new Date('2026-10-01'));
  });

  it('names each missing or wrong field', () => {
    const errors = fieldErrors({ ...valid, title: undefined, category: 'Account Access', updated: 'soon', audience: ['robots'] });
    expect(errors).toHaveLength(4);
    expect(errors[0]).toMatch(/^title: /);
    expect(errors[1]).toBe('category: use lowercase words joined by hyphens, e.g. "reset-your-password"');
    expect(errors[2]).toMatch(/^audience\.0: /);
    expect(errors[3]).toBe('updated: use a date such as 2026-11-02');
  });

  it('rejects unknown fields so typos do not pass silently', () => {
    expect(fieldErrors({ ...valid, keyword: ['x'] })).toEqual([expect.stringMatching(/keyword/)]);
  });

  it('rejects a description too short to be a search excerpt', () => {
    expect(fieldErrors({ ...valid, description: 'Short.' })).toEqual(['description: write at least a sentence (20+ characters)']);
  });
});

describe('categories', () => {
  it('requires a known icon and a whole-number order', () => {
    const result = categorySchema.safeParse({
      id: 'billing',
      title: 'Billing',
      description: 'Invoices and fees.',
      icon: 'rocket',
      order: 1.5,
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path[0])).toEqual(['icon', 'order']);
  });
});

describe('site config', () => {
  const base = {
    productName: 'Acme',
    helpCenterName: 'Acme Help',
    baseUrl: 'https://help.acme.example/',
    supportHours: 'Always',
    supportEmail: 'help@acme.example',
    audiences: [{ id: 'buyer', label: 'Buyers' }],
    topics: [{ id: 'other', label: 'Other' }],
    brand: {
      logo: { light: '/brand/logo-light.svg', dark: '/brand/logo-dark.svg' },
      colors: { accent: { light: '#0b5cad', dark: '#7db8f5' }, accentText: { light: '#fff', dark: '#000' } },
    },
  };

  it('lets SITE_URL override the base URL, without a trailing slash', () => {
    expect(parseSiteConfig(base, {}).baseUrl).toBe('https://help.acme.example');
    expect(parseSiteConfig(base, { SITE_URL: 'https://support.acme.example/' }).baseUrl).toBe('https://support.acme.example');
  });

  it('explains what is wrong, naming the setting', () => {
    expect(() => parseSiteConfig(base, { SITE_URL: 'not a url' })).toThrow(/baseUrl: /);
    expect(() => parseSiteConfig({ ...base, audiences: [base.audiences[0], base.audiences[0]] })).toThrow(
      /audiences: audience ids must be unique/,
    );
    expect(() =>
      parseSiteConfig({ ...base, brand: { ...base.brand, colors: { ...base.brand.colors, accent: { light: 'blue', dark: '#7db8f5' } } } }),
    ).toThrow(/brand\.colors\.accent\.light: a hex colour/);
  });
});
