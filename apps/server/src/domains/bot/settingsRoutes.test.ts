import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../testing/harness.ts';

/** Bot settings over HTTP: defaults, partial updates, every problem at once, who may change what, and the bot obeying at once. */
describe('bot settings', () => {
  let t: TestApp;
  let agentToken: string;
  let supervisorToken: string;
  let seq = 0;
  beforeAll(async () => {
    t = await startTestApp({ config: { LINGXI_SEED_DEMO: 'false' } });
    for (const [email, role] of [['agent@example.com', 'agent'], ['lead@example.com', 'supervisor']] as const) {
      await t.call('POST', '/api/v1/users', { token: t.adminToken, body: { email, name: role, password: 'password-123', role } });
    }
    agentToken = await t.login('agent@example.com', 'password-123');
    supervisorToken = await t.login('lead@example.com', 'password-123');
  }, 60_000);
  afterAll(async () => t?.close());

  const put = (body: unknown, token = t.adminToken) => t.call('PUT', '/api/v1/settings/bot', { token, body });
  const say = (token: string, text: string) => t.call('POST', '/api/public/v1/messages', { token, body: { text, clientMessageId: `m-${++seq}` } });
  const customer = async () => (await t.call('POST', '/api/public/v1/sessions', { body: { locale: 'en-US' } })).body.sessionToken as string;

  it('shows the defaults to anyone who may try the bot', async () => {
    const shown = await t.call('GET', '/api/v1/settings/bot', { token: agentToken });
    expect(shown.status).toBe(200);
    expect(shown.body.settings).toEqual({
      answerConfidence: 0.45, lowConfidence: 0.3, clarifyMargin: 0.05, lowConfidenceTurns: 2, repeatTimes: 3, emotionLevel: 4, vipGetsHuman: false,
      triggers: { repeat: true, emotion: true, low_confidence: true }, orderLookupUrl: null,
    });
    expect(shown.body.defaults).toEqual(shown.body.settings);
  });

  it('changes only the fields given (trigger switches one by one), audited', async () => {
    expect((await put({ repeatTimes: 4 }, agentToken)).status).toBe(403);
    const changed = await put({ clarifyMargin: 0.1, triggers: { emotion: false } }, supervisorToken);
    expect(changed.status).toBe(200);
    expect(changed.body.settings).toMatchObject({ clarifyMargin: 0.1, answerConfidence: 0.45, repeatTimes: 3, triggers: { repeat: true, emotion: false, low_confidence: true } });
    const again = await put({ triggers: { repeat: true } }, supervisorToken);
    expect(again.body.settings).toMatchObject({ clarifyMargin: 0.1, triggers: { emotion: false } });
    expect((await t.call('GET', '/api/v1/settings/bot', { token: agentToken })).body.settings.triggers.emotion).toBe(false);
    // Other sections of the workspace settings are left alone.
    await t.call('PUT', '/api/v1/settings/routing', { token: t.adminToken, body: { acceptSeconds: 45 } });
    await put({ clarifyMargin: 0.05, triggers: { emotion: true } });
    expect((await t.call('GET', '/api/v1/settings/routing', { token: t.adminToken })).body.settings.acceptSeconds).toBe(45);

    const audit = await t.call('GET', '/api/v1/audit?action=settings.bot_updated', { token: t.adminToken });
    expect(audit.body.entries.map((e: { actorEmail: string | null; detail: { fields: string[] } }) => e.detail.fields)).toContainEqual(['clarifyMargin', 'triggers.emotion']);
    const events = await t.db.sql.execute<{ payload: { section: string } }>(sql`select payload from outbox where name = 'workspace.settings_changed'`);
    expect(events.rows.length).toBeGreaterThanOrEqual(3);
  });

  it('lists every bad value at once, with its allowed range', async () => {
    const bad = await put({ answerConfidence: 1.5, lowConfidence: 'high', clarifyMargin: -0.1, lowConfidenceTurns: 0, repeatTimes: 2.5, emotionLevel: 9, vipGetsHuman: 'yes', triggers: { repeat: 1 }, orderLookupUrl: 'ftp://orders' });
    expect(bad.status).toBe(400);
    const problems = bad.body.error.problems as { path: string; message: string }[];
    const messageOf = (path: string) => problems.filter((p) => p.path === path).map((p) => p.message).join('; ');
    expect(messageOf('body.answerConfidence')).toContain('between 0.05 and 1');
    expect(messageOf('body.lowConfidence')).toContain('between 0 and 0.95');
    expect(messageOf('body.clarifyMargin')).toContain('between 0 and 0.5');
    expect(messageOf('body.lowConfidenceTurns')).toContain('between 1 and 10');
    expect(messageOf('body.repeatTimes')).toContain('whole number between 2 and 10');
    expect(messageOf('body.emotionLevel')).toContain('between 2 and 5');
    expect(messageOf('body.vipGetsHuman')).toBe('must be true or false');
    expect(messageOf('body.triggers.repeat')).toBe('must be true or false');
    expect(messageOf('body.orderLookupUrl')).toContain('http(s) URL');
    expect((await put({})).status).toBe(400);
    // Nothing was stored.
    expect((await t.call('GET', '/api/v1/settings/bot', { token: agentToken })).body.settings.repeatTimes).toBe(3);
  });

  it('refuses "not understood" above "answered", on the field that was changed', async () => {
    const both = await put({ answerConfidence: 0.3, lowConfidence: 0.5 });
    expect(both.status).toBe(400);
    expect(both.body.error.problems).toContainEqual({ path: 'body.lowConfidence', message: 'must not be above answerConfidence' });
    const one = await put({ lowConfidence: 0.6 });
    expect(one.status).toBe(400);
    expect(one.body.error).toMatchObject({ code: 'BOT_SETTINGS_INCONSISTENT', problems: [{ path: 'body.lowConfidence', message: 'must not be above answerConfidence (0.45)' }] });
  });

  it('lets only admins point the order lookup at another server', async () => {
    const url = 'https://shop.example.com/orders/{orderNumber}';
    const refused = await put({ orderLookupUrl: url }, supervisorToken);
    expect(refused.status).toBe(403);
    expect(refused.body.error.problems).toEqual([{ path: 'body.orderLookupUrl', message: 'only admins may change this' }]);
    expect((await put({ orderLookupUrl: url })).body.settings.orderLookupUrl).toBe(url);
    expect((await put({ orderLookupUrl: null })).body.settings.orderLookupUrl).toBeNull();
  });

  it('the bot uses a change from the next message on: repeat handoff moves from the 3rd to the 4th ask, and a switched-off trigger never fires', async () => {
    // Gibberish is also "not understood": switch that trigger off to watch the repeat trigger alone.
    await put({ triggers: { low_confidence: false } });
    const asking = await customer();
    for (let i = 1; i <= 2; i++) expect((await say(asking, 'zqxv plugh')).body.conversation.status).toBe('bot');
    // Mid-conversation, with this workspace's settings already cached by the bot.
    expect((await put({ repeatTimes: 4 }, supervisorToken)).status).toBe(200);
    const third = await say(asking, 'zqxv plugh');
    expect(third.body.conversation.status).toBe('bot');
    expect(third.body.replies[0].kind).not.toBe('handoff');
    const fourth = await say(asking, 'zqxv plugh');
    expect(fourth.body.conversation.status).toBe('queued');
    expect(fourth.body.replies[0].kind).toBe('handoff');

    await put({ triggers: { repeat: false } });
    const patient = await customer();
    for (let i = 1; i <= 5; i++) expect((await say(patient, 'zqxv plugh')).body.conversation.status).toBe('bot');
    // An explicit request always reaches a person.
    expect((await say(patient, 'I want to talk to a human')).body.conversation.status).toBe('queued');
  });
});
