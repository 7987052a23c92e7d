// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import node from '@astrojs/node';
import { site } from './src/site.config.ts';
import { brandCssPlugin } from './src/brand/brand-css.ts';

// The public origin (SITE_URL at build). Behind a TLS proxy Astro's request URL says http://, so its origin check
// refused every browser form post; trusting X-Forwarded-Proto (and -Host) for this origin only fixes that.
// scripts/serve.ts refuses a run-time SITE_URL other than the build's. Astro then also takes its clientAddress from
// X-Forwarded-For: src/server/http/client-address.ts (settleForwardedFor) keeps that to what TRUST_PROXY allows.
const publicUrl = new URL(site.baseUrl);
const publicDomain = {
  protocol: publicUrl.protocol.slice(0, -1),
  hostname: publicUrl.hostname,
  ...(publicUrl.port ? { port: publicUrl.port } : {}),
};

export default defineConfig({
  site: site.baseUrl,
  trailingSlash: 'ignore',
  // Inside the project so a copy of it (tests, benchmarks) never shares a content cache with this one.
  cacheDir: './.astro/cache',
  // Our server (scripts/serve.ts) wraps the standalone handler to add headers to static files too.
  // No adapter body limit: each route checks its own as the body streams in (src/server/http/body-limit.ts), as the
  // limit of forms with files is a run-time setting (ATTACHMENT_MAX_FILES, ATTACHMENT_MAX_BYTES).
  adapter: node({ mode: 'standalone', bodySizeLimit: 0 }),
  // Staff sessions use lucia on our own database; Astro's session store would bake a build-machine path.
  session: false,
  integrations: [mdx(), preact()],
  prefetch: false,
  build: { inlineStylesheets: 'never' },
  // Shiki's inline styles would need 'unsafe-inline' under our CSP; help articles need no code colouring.
  markdown: { syntaxHighlight: false },
  vite: {
    plugins: [brandCssPlugin(site.brand.colors)],
    build: {
      rolldownOptions: {
        // Astro's own MDX modules trip this bundler notice on every article; it is not actionable here.
        onLog(level, log, handler) {
          if (log.code !== 'MODULE_LEVEL_DIRECTIVE') handler(level, log);
        },
      },
    },
  },
  security: {
    checkOrigin: true,
    allowedDomains: [publicDomain],
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "base-uri 'self'",
        "form-action 'self'",
        "object-src 'none'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
});
