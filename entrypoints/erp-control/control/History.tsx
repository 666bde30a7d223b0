/** "History": this vendor's requests, newest first, so an admin re-sending sees every earlier rejection. */
import type { ErpRequest } from '@/lib/contract/api-bodies';
import { statusLabel, t } from '@/lib/extension/i18n';
import { requestDetails } from '@/lib/erp/request-words';

const when = (iso: string): string =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Each line of one request's entry, as text. */
function historyLines(request: ErpRequest): string[] {
  const lines = [statusLabel(request.status), t('historySent', [when(request.created_at), request.sent_by.name])];
  if (request.status !== 'pending_acceptance') {
    // A retrieval has no approver: the admin who sent it took it back.
    const by = (request.decided_by ?? request.sent_by).name;
    lines.push(t('historyDecided', [statusLabel(request.status), when(request.decided_at ?? request.updated_at), by]));
  }
  return [...lines, ...requestDetails(request)];
}

export function History({ requests }: { requests: ErpRequest[] }) {
  return (
    <details class="history">
      <summary>{`${t('historyTitle')} (${requests.length})`}</summary>
      <ol>
        {requests.map((request) => (
          <li key={request.id}>{historyLines(request).join('\n')}</li>
        ))}
      </ol>
    </details>
  );
}
