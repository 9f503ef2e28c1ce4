/**
 * `smp-protocol serve`'s node:http adapter: real HTTP on 127.0.0.1 (a free port) over an
 * in-memory PGlite, the bearer token, bodies streamed through, and the refusal to bind a
 * non-loopback address without a token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Running } from '../../src/cli/serve.js';

let running: Running;
const auth = { authorization: 'Bearer t0ken' };

beforeAll(async () => {
  running = await startServer({ data: 'memory://', port: 0, host: '127.0.0.1', token: 't0ken' });
}, 120_000);
afterAll(() => running.close(), 30_000);

describe('serve', () => {
  it('answers a booking and a forecast over HTTP', async () => {
    const created = await fetch(`${running.url}/plans`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        id: 'p1',
        clientId: 'c1',
        protocol: { id: 'standard', version: 1 },
        timeZone: 'Europe/London',
        createdAt: '2026-03-01T09:00:00Z',
      }),
    });
    expect(created.status).toBe(201);
    const booked = await fetch(`${running.url}/plans/p1/events`, {
      method: 'POST',
      headers: { ...auth, 'idempotency-key': 'k1', 'if-match': '"0"' },
      body: JSON.stringify({ type: 'sessionBooked', at: '2026-03-01T09:00:00Z', session: 1, start: '2026-03-23T10:00:00Z' }),
    });
    expect([booked.status, booked.headers.get('etag')]).toEqual([200, '"1"']);
    const forecast = await fetch(`${running.url}/plans/p1/forecast?asOf=2026-03-02T09:00:00Z`, { headers: auth });
    const body = (await forecast.json()) as { value: { next: { session: number; state: string } } };
    expect(body.value.next).toMatchObject({ session: 1, state: 'booked' });
  });

  it('401 without the token', async () => {
    const res = await fetch(`${running.url}/plans/p1`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { findings: { code: string }[] }).findings[0]?.code).toBe('UNAUTHORIZED');
  });

  it('refuses a non-loopback bind without a token', async () => {
    await expect(startServer({ data: 'memory://', port: 0, host: '0.0.0.0' })).rejects.toThrow(/SMP_TOKEN/);
  });
});
