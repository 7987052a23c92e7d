import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseGnuTime } from '../../scripts/bench/measure/gnu-time.ts';
import { findLinks, findScripts, isJavaScriptType, parseAttributes } from '../../scripts/bench/measure/html-tags.ts';
import { measurePage, staticImports } from '../../scripts/bench/measure/page-weight.ts';
import { descendantsOf } from '../../scripts/bench/measure/process-memory.ts';
import { median, renderTable } from '../../scripts/bench/measure/report.ts';
import { measureServed } from '../../scripts/bench/measure/served-weight.ts';
import { gzipBytes } from '../../scripts/bench/measure/sizes.ts';
import { urlToFile } from '../../scripts/bench/measure/static-server.ts';

describe('bench measure helpers', () => {
  it('median', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('gzip size is stable and smaller for repetitive text', () => {
    const text = 'payment '.repeat(1000);
    expect(gzipBytes(text)).toBe(gzipBytes(Buffer.from(text)));
    expect(gzipBytes(text)).toBeLessThan(200);
  });

  it('renders an aligned table', () => {
    expect(renderTable(['a', 'bb'], [['xxx', 'y']])).toBe('a    bb\n---  --\nxxx  y');
  });

  it('parses attributes in their usual spellings', () => {
    expect(parseAttributes(' type="module" src=/a.js defer data-x=\'1 &amp; 2\'')).toEqual({
      type: 'module',
      src: '/a.js',
      defer: '',
      'data-x': '1 & 2',
    });
  });

  it('finds JS scripts but not JSON-LD, and ignores commented-out tags', () => {
    const html = `<script type="application/ld+json">{}</script><!-- <script src="/old.js"></script> --><script type="module" src="/a.js"></script><script>x()</script>`;
    const scripts = findScripts(html);
    expect(scripts).toHaveLength(3);
    expect(scripts.filter((s) => isJavaScriptType(s.attrs.type)).map((s) => s.attrs.src ?? s.content)).toEqual(['/a.js', 'x()']);
  });

  it('finds stylesheets and module preloads', () => {
    const html = '<link rel="stylesheet" href="/s.css"><link rel="modulepreload" href="/m.js"><link rel="icon" href="/f.svg">';
    expect(findLinks(html, ['stylesheet'])).toEqual(['/s.css']);
    expect(findLinks(html, ['modulepreload'])).toEqual(['/m.js']);
  });

  it('follows static imports only', async () => {
    const code = `import{a}from"./a.js";export*from"./b.js";import"./c.js";const d=()=>import("./d.js");`;
    expect(await staticImports(code)).toEqual(['./a.js', './b.js', './c.js']);
  });

  it('maps URLs to build files', () => {
    expect(urlToFile('/d', '/')).toBe('/d/index.html');
    expect(urlToFile('/d', '/x/')).toBe('/d/x/index.html');
    expect(urlToFile('/d', '/404.html')).toBe('/d/404.html');
    expect(() => urlToFile('/d', '/../etc/passwd')).not.toThrow();
    expect(urlToFile('/d', '/../etc/passwd')).toBe('/d/etc/passwd');
  });

  it('parses a GNU time -v report', () => {
    const report = [
      '\tUser time (seconds): 1.50',
      '\tSystem time (seconds): 0.25',
      '\tElapsed (wall clock) time (h:mm:ss or m:ss): 0:02.10',
      '\tMaximum resident set size (kbytes): 2048',
      '\tExit status: 0',
    ].join('\n');
    expect(parseGnuTime(report)).toEqual({ maxRssBytes: 2048 * 1024, cpuSeconds: 1.75, elapsed: '0:02.10', exitStatus: 0 });
    expect(parseGnuTime('nothing')).toBeUndefined();
  });

  it('walks a process tree', () => {
    const parents = new Map([
      [2, 1],
      [3, 2],
      [4, 2],
      [5, 9],
    ]);
    expect(descendantsOf(2, parents).sort()).toEqual([2, 3, 4]);
  });

  describe('measurePage', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-measure-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('counts inline and external JS with their static import chain, not Pagefind or dynamic imports', async () => {
      mkdirSync(join(dir, '_astro'));
      mkdirSync(join(dir, 'page'));
      writeFileSync(join(dir, '_astro', 'entry.js'), 'import{x}from"./dep.js";x();import("/pagefind/pagefind.js");import("./lazy.js")');
      writeFileSync(join(dir, '_astro', 'dep.js'), 'export const x=()=>1;');
      writeFileSync(join(dir, '_astro', 'lazy.js'), 'export default 1;');
      writeFileSync(join(dir, '_astro', 'site.css'), 'body{color:red}');
      writeFileSync(
        join(dir, 'page', 'index.html'),
        '<html><head><style>p{margin:0}</style><link rel="stylesheet" href="/_astro/site.css">' +
          '<script type="application/ld+json">{"a":1}</script></head><body>' +
          '<script type="module">document.title="x"</script><script type="module" src="/_astro/entry.js"></script></body></html>',
      );
      const weight = await measurePage(dir, '/page/');
      expect(weight.js.map((a) => a.source)).toEqual(['(inline: 1 <script>)', '/_astro/entry.js', '/_astro/dep.js']);
      expect(weight.css.map((a) => a.source)).toEqual(['(inline: 1 <style>)', '/_astro/site.css']);
      expect(weight.jsGzip).toBe(weight.js.reduce((s, a) => s + a.gzip, 0));
      expect(weight.missing).toEqual([]);
    });
  });

  it('adds up the bytes a server sends for a page, its stylesheets and its JS files, as they come', async () => {
    const sizes: Record<string, [number, string | undefined]> = { '/p/': [700, 'br'], '/a.css': [300, 'gzip'], '/b.js': [90, undefined] };
    const asked: string[] = [];
    const server = createServer((req, res) => {
      asked.push(String(req.headers['accept-encoding']));
      const [bytes, coding] = sizes[req.url!];
      res.writeHead(200, coding ? { 'Content-Encoding': coding } : {}).end(Buffer.alloc(bytes));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      const asset = (source: string) => ({ source, bytes: 0, gzip: 0 });
      const page = {
        url: '/p/',
        file: '',
        html: asset('/p/'),
        css: [asset('(inline: 1 <style>)'), asset('/a.css')],
        js: [asset('/b.js')],
        cssGzip: 0,
        jsGzip: 0,
        missing: [],
      };
      const served = await measureServed(origin, page);
      expect({ ...served, encodings: [...served.encodings] }).toEqual({
        html: 700,
        css: 300,
        js: 90,
        encodings: ['br', 'gzip', 'identity'],
      });
      expect(new Set(asked)).toEqual(new Set(['br, gzip']));
    } finally {
      server.close();
    }
  });
});
