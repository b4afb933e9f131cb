// Splits a JSON Lines file into requests of a few hundred lines, so the import can show progress,
// and maps each request's line numbers back to lines of the whole file.

export type ImportChunk = { firstLine: number; text: string; lines: number };

export function planImport(source: string, linesPerChunk = 200): { chunks: ImportChunk[]; totalLines: number } {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  const chunks: ImportChunk[] = [];
  for (let start = 0; start < lines.length; start += linesPerChunk) {
    const slice = lines.slice(start, start + linesPerChunk);
    if (slice.every((line) => line.trim() === '')) continue;
    chunks.push({ firstLine: start + 1, text: slice.join('\n'), lines: slice.length });
  }
  return { chunks, totalLines: lines.length };
}

/** The server numbers lines from 1 within each request. */
export function fileLine(chunk: ImportChunk, lineInChunk: number): number {
  return chunk.firstLine + lineInChunk - 1;
}
