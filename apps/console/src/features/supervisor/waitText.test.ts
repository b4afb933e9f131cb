import { expect, it } from 'vitest';
import { waitText } from './waitText.ts';

it.each([[0, '0:00'], [75, '1:15'], [3725, '1:02:05']])('%i s → %s', (s, text) => expect(waitText(s)).toBe(text));
