import { describe, expect, it } from 'vitest';
import { messagesFor } from './i18n.ts';
import { leaveRequest, overflowAction, problemsByField, withOffset } from './leaveMessage.ts';

const zh = messagesFor('zh-CN');
const en = messagesFor('en-US');
const shanghai = () => -480;
const blank = { text: '', email: '', phone: '', callbackAt: '' };

describe('leave a message', () => {
  it('knows the server overflow quick replies in both languages, and nothing else', () => {
    expect(['留言', '预约回电', 'Leave a message', 'Request a callback'].map(overflowAction)).toEqual(['leave_message', 'callback', 'leave_message', 'callback']);
    expect(overflowAction('转人工')).toBeNull();
    expect(overflowAction('留言板在哪')).toBeNull();
  });

  it('turns a datetime-local value into ISO with the offset (east positive, half hours, west)', () => {
    expect(withOffset('2026-11-23T10:00', -480)).toBe('2026-11-23T10:00:00+08:00');
    expect(withOffset('2026-11-23T10:00:30', -330)).toBe('2026-11-23T10:00:30+05:30');
    expect(withOffset('2026-11-23T10:00', 300)).toBe('2026-11-23T10:00:00-05:00');
    expect(withOffset('2026-11-23T10:00', 0)).toBe('2026-11-23T10:00:00+00:00');
    expect(withOffset('tomorrow', 0)).toBeNull();
  });

  it('checks every field at once, in the customer language', () => {
    expect(leaveRequest('callback', { ...blank, email: 'nope', phone: 'x' }, zh, shanghai)).toEqual({ problems: { text: '必填', email: '邮箱格式不正确', phone: '手机号格式不正确', callbackAt: '必填' } });
    expect(leaveRequest('leave_message', blank, en, shanghai)).toEqual({ problems: { text: 'Required' } });
  });

  it('sends only what was given: no contact when none, callbackAt only for a callback', () => {
    expect(leaveRequest('leave_message', { ...blank, text: ' 请联系我 ', callbackAt: '2026-11-23T10:00' }, zh, shanghai)).toEqual({ request: { text: '请联系我' } });
    expect(leaveRequest('callback', { text: '退款', email: ' a@b.co ', phone: '13800138000', callbackAt: '2026-11-23T10:00' }, zh, shanghai)).toEqual({
      request: { text: '退款', contact: { email: 'a@b.co', phone: '13800138000' }, callbackAt: '2026-11-23T10:00:00+08:00' },
    });
  });

  it('places the server problems on their fields; the rest on the form', () => {
    expect(problemsByField([
      { path: 'body.text', message: 'must not be empty' },
      { path: 'body.contact.email', message: 'must be an email address' },
      { path: 'body.contact.phone', message: 'must be a phone number' },
      { path: 'body.callbackAt', message: 'must be an ISO date-time' },
      { path: 'body', message: 'odd' },
    ])).toEqual({ text: 'must not be empty', email: 'must be an email address', phone: 'must be a phone number', callbackAt: 'must be an ISO date-time', form: 'odd' });
  });
});

describe('overflow offered', () => {
  it('comes from a non-customer message quick replies or the socket actions, and only known ones', async () => {
    const { offeredActions, knownActions } = await import('./leaveMessage.ts');
    expect(offeredActions(null, [{ author: 'system', quickReplies: ['留言', '预约回电'] }])).toEqual(['leave_message', 'callback']);
    expect(offeredActions(['callback'], [{ author: 'bot', quickReplies: ['Leave a message', '查看订单'] }])).toEqual(['callback', 'leave_message']);
    expect(offeredActions(null, [{ author: 'customer', quickReplies: ['留言'] }, { author: 'bot', quickReplies: null }])).toBeNull();
    expect(knownActions(['leave_message', 'teleport', 'callback'])).toEqual(['leave_message', 'callback']);
  });
});
