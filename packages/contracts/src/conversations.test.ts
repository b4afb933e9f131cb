import { describe, expect, it } from 'vitest';
import { ConversationDetailResponse, HandoffPackage } from './conversations.ts';

describe('HandoffPackage', () => {
  const contact = { id: '00000000-0000-4000-8000-000000000001', name: null, email: null, phone: null, locale: 'zh-CN', attributes: {}, vip: false, humanOnly: false, identities: [], createdAt: '2026-01-01T00:00:00.000Z' };
  const stored = { trigger: 'explicit', summary: '客户咨询：退货。', intents: [], entities: [], emotionTrajectory: [1], botAnswers: [], botHelped: null, contact, pastConversations: 0, at: '2026-01-01T00:00:00.000Z' };

  it('reads a package stored before it listed the customer’s files as having none', () => {
    expect(HandoffPackage.parse(stored).attachments).toEqual([]);
  });

  it('keeps the files it lists, and refuses one without its size', () => {
    const file = { id: '00000000-0000-4000-8000-000000000002', name: 'receipt.jpg', contentType: 'image/jpeg', size: 2048, url: '/api/public/v1/attachments/00000000-0000-4000-8000-000000000002' };
    expect(HandoffPackage.parse({ ...stored, attachments: [file] }).attachments).toEqual([file]);
    const { size: _size, ...sizeless } = file;
    expect(HandoffPackage.safeParse({ ...stored, attachments: [sizeless] }).success).toBe(false);
    expect(ConversationDetailResponse.shape.handoff.parse(stored)?.attachments).toEqual([]);
  });
});
