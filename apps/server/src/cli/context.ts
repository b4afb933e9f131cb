import type { Config } from '../config.ts';

export type CliContext = { config: Config; args: string[]; out: (line: string) => void; err: (line: string) => void };
