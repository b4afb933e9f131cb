import { useMemo } from 'react';
import { KnowledgeImportJobResponse, KnowledgeImportListResponse } from '@lingxi/contracts';
import { ApiError, createApiClient, errorFromResponse } from '../../lib/api/client.ts';
import { useSignedIn } from '../../lib/session.tsx';

// Files in and out of the knowledge base: background imports (multipart upload) and exports (downloads).

export type ExportFormat = 'jsonl' | 'csv' | 'xlsx';

/** Hands bytes to the browser as a download. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function useKnowledgeFilesApi() {
  const { session, signOut } = useSignedIn();
  return useMemo(() => {
    const token = session.token;
    const client = createApiClient({ token: () => token, onSessionEnded: () => void signOut() });
    const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };
    return {
      /** Starts a background import of the file; the answer already lists rows that could not be read. */
      async startImport(file: Blob, fileName: string) {
        const form = new FormData();
        form.append('file', file, fileName);
        let response: Response;
        try {
          response = await fetch('/api/v1/knowledge/imports', { method: 'POST', headers, body: form, credentials: 'same-origin' });
        } catch {
          throw new ApiError(0, 'NETWORK', 'The server could not be reached.', 'Check your connection, then retry.', [], null);
        }
        if (!response.ok) throw await errorFromResponse(response);
        return KnowledgeImportJobResponse.parse(await response.json()).import;
      },
      importStatus: async (id: string, signal?: AbortSignal) =>
        (await client.request('GET', `/api/v1/knowledge/imports/${encodeURIComponent(id)}`, { schema: KnowledgeImportJobResponse, signal })).import,
      recentImports: async (signal?: AbortSignal) => (await client.request('GET', '/api/v1/knowledge/imports', { schema: KnowledgeImportListResponse, signal })).imports,
      async download(format: ExportFormat, filename: string) {
        const response = await fetch(`/api/v1/knowledge/export?format=${format}`, { headers: { authorization: `Bearer ${token}` }, credentials: 'same-origin' });
        if (!response.ok) throw await errorFromResponse(response);
        saveFile(await response.blob(), filename);
      },
    };
  }, [session.token, signOut]);
}
