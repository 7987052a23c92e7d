// Troubleshooters are search results, found by what they are for (title, description, keywords), never by the text
// of their steps, which would make them match almost anything.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { stemmer } from 'stemmer';
import { parse } from 'yaml';
import { projectRoot } from '../../harness/project-copy.ts';
import { flowHref, TROUBLESHOOTERS_PATH } from '../../src/lib/links.ts';
import { indexTerms } from '../../src/search/index-terms.ts';
import { queryWords, tokens } from '../../src/search/query.ts';
import { languageBundleDir, openNodeSearch } from '../../src/search/node-search.ts';
import type { Search } from '../../src/search/search.ts';
import { flowSchema } from '../../src/troubleshooter/flow-schema.ts';
import { site } from '../../src/site.config.ts';

const flow = flowSchema.parse(parse(readFileSync(`${projectRoot}/content/flows/login.yaml`, 'utf8')));
let search: Search;
beforeAll(async () => {
  search = await openNodeSearch({
    bundleDir: languageBundleDir(`${projectRoot}/dist/client`, 'en'),
    language: site.locale,
    flowPathPrefix: TROUBLESHOOTERS_PATH,
    productName: site.productName,
  });
});

describe('troubleshooters in search', () => {
  it('are found by their title, description and keywords, as troubleshooters', async () => {
    for (const query of [flow.title, flow.description, ...flow.keywords]) {
      const { hits } = await search({ query });
      expect(
        hits.map((h) => h.url),
        query,
      ).toContain(flowHref('login'));
      expect(hits.find((h) => h.url === flowHref('login'))).toMatchObject({ kind: 'troubleshooter', title: flow.title });
    }
  });

  it('are never found by words only their steps say', async () => {
    // Words of the steps in no form the flow's indexed fields say ("signing" is "sign in" again): its title,
    // description and keywords, with their synonyms, every word of them (Pagefind finds a word by its beginning:
    // "wi" finds "with").
    const indexed = [flow.title, flow.description, ...flow.keywords, ...Object.values(indexTerms({ ...flow, text: '' }))];
    const about = tokens(indexed.join(' ')).map((w) => stemmer(w));
    const stepWords = [
      ...new Set(flow.steps.flatMap((step) => queryWords(`${step.title ?? ''} ${('body' in step && step.body) || ''}`))),
    ].filter((w) => !about.some((a) => a.startsWith(stemmer(w)) || stemmer(w).startsWith(a)));
    expect(stepWords.length).toBeGreaterThan(20);
    const found: string[] = [];
    for (const word of stepWords) if ((await search({ query: word })).hits.some((h) => h.url === flowHref('login'))) found.push(word);
    expect(found).toEqual([]);
  });
});
