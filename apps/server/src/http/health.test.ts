import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/harness.ts';

describe('health, metrics and request ids', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ fixedNow: new Date('2026-11-21T09:00:00Z'), config: { LINGXI_SESSION_TTL_HOURS: '8' } });
  });
  afterAll(async () => t?.close());

  it('says ok when ready and exposes Prometheus metrics', async () => {
    expect(await t.call('GET', '/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    await t.call('GET', '/api/v1/auth/me', { token: t.adminToken });
    const metrics = await fetch(`${t.baseUrl}/metrics`);
    expect(metrics.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await metrics.text();
    expect(text).toMatch(/lingxi_http_requests_total\{method="GET",route="\/api\/v1\/auth\/me",status="200"\} 1/);
    expect(text).toContain('lingxi_process_resident_memory_bytes');
  });

  it('echoes a sane x-request-id and puts it in error bodies', async () => {
    const response = await fetch(`${t.baseUrl}/api/v1/nope`, { headers: { 'x-request-id': 'trace-12345678' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-request-id')).toBe('trace-12345678');
    expect(((await response.json()) as { error: { requestId: string } }).error.requestId).toBe('trace-12345678');
  });

  it('expires a login session after its time to live', async () => {
    const token = await t.login('admin@lingxi.local', 'admin-password-1');
    expect((await t.call('GET', '/api/v1/auth/me', { token })).status).toBe(200);
    (t.clock as unknown as { advance(ms: number): void }).advance(8 * 3_600_000 + 1_000);
    const expired = await t.call('GET', '/api/v1/auth/me', { token });
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('AUTH_SESSION_EXPIRED');
  });
});
