import { describe, expect, it } from 'vitest';
import { isForeignHost } from '../../src/server/http/host-check.ts';

const at = (url: string) => new Request(url, { method: 'POST' });

describe('the host check (DNS rebinding)', () => {
  it('lets this machine and the public origin through, whatever the port', () => {
    for (const url of ['http://localhost:4321/mcp', 'http://127.0.0.1:5555/mcp', 'http://[::1]:4321/mcp', 'https://help.example.com/mcp']) {
      expect(isForeignHost(at(url), 'https://help.example.com'), url).toBe(false);
    }
  });

  it('refuses any other name, such as one an attacker pointed at this server', () => {
    for (const url of ['http://evil.example:4321/mcp', 'http://help.example.com.evil.example/mcp', 'http://192.168.1.5:4321/mcp']) {
      expect(isForeignHost(at(url), 'https://help.example.com'), url).toBe(true);
    }
  });
});
