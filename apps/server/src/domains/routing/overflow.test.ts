import { describe, expect, it } from 'vitest';
import { estimateWaitSeconds, isWithinBusinessHours, localTime, overflowReason, type BusinessHours } from './overflow.ts';

const weekdays: BusinessHours = {
  timezone: 'Asia/Shanghai',
  weekly: { 1: [['09:00', '18:00']], 2: [['09:00', '18:00']], 3: [['09:00', '18:00']], 4: [['09:00', '18:00']], 5: [['09:00', '12:00'], ['13:00', '18:00']] },
  holidays: ['2026-10-01'],
  extraWorkdays: ['2026-10-10'],
};

describe('business hours', () => {
  it('reads the wall clock of the workspace time zone', () => {
    expect(localTime(new Date('2026-11-20T01:30:00Z'), 'Asia/Shanghai')).toEqual({ date: '2026-11-20', weekday: 5, minute: 9 * 60 + 30 });
  });

  it.each([
    ['Friday 09:30 Beijing time', '2026-11-20T01:30:00Z', true],
    ['Friday lunch break 12:30', '2026-11-20T04:30:00Z', false],
    ['Friday 18:00 exactly (closed)', '2026-11-20T10:00:00Z', false],
    ['Saturday', '2026-11-21T03:00:00Z', false],
    ['a public holiday on a Thursday', '2026-10-01T03:00:00Z', false],
    ['a make-up working Saturday', '2026-10-10T03:00:00Z', true],
  ])('%s → open: %s', (_name, at, open) => {
    expect(isWithinBusinessHours(new Date(at), weekdays)).toBe(open);
  });
});

describe('overflow', () => {
  const open = new Date('2026-11-20T02:00:00Z');
  it.each([
    ['after hours', { at: new Date('2026-11-21T03:00:00Z'), queueLength: 0, estimatedWaitSeconds: 0, agentsOnline: 3 }, 'after_hours'],
    ['nobody online', { at: open, queueLength: 0, estimatedWaitSeconds: 0, agentsOnline: 0 }, 'nobody_online'],
    ['queue too long', { at: open, queueLength: 50, estimatedWaitSeconds: 10, agentsOnline: 3 }, 'queue_length'],
    ['wait too long', { at: open, queueLength: 3, estimatedWaitSeconds: 900, agentsOnline: 1 }, 'wait'],
    ['a normal queue', { at: open, queueLength: 3, estimatedWaitSeconds: 60, agentsOnline: 3 }, null],
  ] as const)('%s → %s', (_name, situation, reason) => {
    expect(overflowReason(situation, weekdays)).toBe(reason);
  });
});

describe('estimated wait', () => {
  it('is zero while there are free places and grows with the queue ahead', () => {
    const agents = { online: 2, freeSlots: 1, totalCapacity: 6 };
    expect(estimateWaitSeconds(0, agents, 300)).toBe(0);
    expect(estimateWaitSeconds(1, agents, 300)).toBe(50);
    expect(estimateWaitSeconds(7, agents, 300)).toBe(350);
    expect(estimateWaitSeconds(3, { online: 0, freeSlots: 0, totalCapacity: 0 }, 300)).toBe(Number.POSITIVE_INFINITY);
  });
});
