import { describe, expect, it } from 'vitest';
import { routingFieldOf } from './routingProblems.ts';

describe('routing settings problems → form fields', () => {
  it.each([
    ['body.acceptSeconds', ['acceptSeconds']],
    ['body.overflow.maxWaitSeconds', ['overflow', 'maxWaitSeconds']],
    ['body.businessHours.timezone', ['businessHours', 'timezone']],
    ['body.businessHours.weekly.1.0.0', ['businessHours', 'weekly', '1', 0, 0]],
    ['body.businessHours.weekly.1.2', ['businessHours', 'weekly', '1', 2, 1]],
    ['body.businessHours.holidays.3', ['businessHours', 'holidays']],
    ['body.priorityWeights.vip', ['priorityWeights', 'vip']],
    ['body', null],
    ['body.overflow', null],
    ['query.x', null],
  ] as const)('%s → %o', (path, name) => expect(routingFieldOf({ path, message: 'x' })).toEqual(name));
});
