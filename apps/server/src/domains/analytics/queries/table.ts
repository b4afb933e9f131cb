import type { AnalyticsSettings } from '@lingxi/contracts';
import type { Window } from '../definitions.ts';
import type { Cohort } from '../store.ts';
import type { NoteLocale } from './reportNotes.ts';

// The shape every report answers with: the same table is the JSON answer and the CSV.
export type Cell = string | number | null;
export type Table = { columns: string[]; rows: Record<string, Cell>[]; notes: string[] };
export type ReportInput = Cohort & { interval: 'hour' | 'day'; settings: AnalyticsSettings; window: Window; locale?: NoteLocale };
