/**
 * The outbox (hộp thư đi) of the system administrator or a provincial office: every message by e-mail,
 * Zalo or SMS with its state — what would have been sent while no channel is configured, what failed
 * with the provider's answer — filtered in the URL, and "send again" for a failed or uncertain one.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../app/api.ts';
import { formatDateTime, formatNumber } from '../../app/i18n.tsx';
import { ListTable, PAGE_SIZE, SearchToolbar, type Column } from '../../app/list-page.tsx';
import { useUser } from '../../app/session.ts';
import { LoadError, Notice, PageHeader, SelectField } from '../../app/ui.tsx';
import { ProvincePicker } from '../admin-units/index.ts';
import { MessageStatus, type OutboxMessage } from './notice-status.tsx';
import { useNoticesText } from './notices-text.ts';
import './notices.css';

const route = getRouteApi('/outbox');
const statuses = ['queued', 'sending', 'sent', 'failed', 'uncertain', 'held', 'undeliverable'] as const;
const channels = ['email', 'zalo', 'sms'] as const;

export function OutboxPage() {
  const text = useNoticesText();
  const user = useUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const queryClient = useQueryClient();
  const [resent, setResent] = useState(false);
  const query = { status: search.status, channel: search.channel, q: search.q, province: user.role === 'system_admin' ? search.province : undefined, page: search.page ?? 1, pageSize: PAGE_SIZE };
  const outbox = useQuery({ queryKey: ['outbox', query], queryFn: () => api.get('/api/outbox', { query }) });
  const resend = useMutation({
    mutationFn: (id: string) => api.post('/api/outbox/{id}/resend', { path: { id } }),
    onSuccess: () => {
      setResent(true);
      void queryClient.invalidateQueries({ queryKey: ['outbox'] });
    },
  });
  const go = (next: Partial<typeof search>) => void navigate({ search: { ...search, page: undefined, ...next } });
  const columns: Column<OutboxMessage>[] = [
    { label: text('col.when'), cell: (message) => formatDateTime(message.createdAt) },
    {
      label: text('col.to'),
      cell: (message) => (
        <>
          <strong>{message.recipientName}</strong>
          <span className="hint notices-block">
            {text(`channel.${message.channel}`)} · {message.address ?? '—'}
          </span>
        </>
      ),
    },
    {
      label: text('col.subject'),
      cell: (message) => (
        <>
          {message.subject}
          {message.channel !== 'email' && <span className="hint notices-block">{message.sms}</span>}
        </>
      ),
    },
    {
      label: text('col.status'),
      cell: (message) => (
        <>
          <MessageStatus message={message} />
          {message.attempts > 0 && <span className="hint notices-block">{text('outbox.attempts', { count: message.attempts })}</span>}
          {message.providerAnswer && <span className="hint notices-block">{text('outbox.answer', { answer: message.providerAnswer })}</span>}
        </>
      ),
    },
    {
      label: text('col.action'),
      cell: (message) =>
        message.status === 'failed' || message.status === 'uncertain' ? (
          <button type="button" className="button" onClick={() => resend.mutate(message.id)} disabled={resend.isPending} data-testid="outbox-resend">
            {text('outbox.resend')}
          </button>
        ) : null,
    },
  ];
  const counts = outbox.data?.counts ?? {};
  return (
    <section className="stack">
      <PageHeader
        title={text('outbox.title')}
        actions={
          <Link to="/notice-channels" search={{ province: user.role === 'system_admin' ? search.province : undefined }} className="button" data-testid="outbox-channels">
            {text('outbox.channels')}
          </Link>
        }
      >
        <p className="lead">{text('outbox.intro')}</p>
      </PageHeader>
      {user.role === 'system_admin' && <ProvincePicker value={search.province ?? ''} onChange={(province) => go({ province: province || undefined })} />}
      <ul className="outbox-counts" data-testid="outbox-counts">
        {statuses.filter((status) => counts[status]).map((status) => (
          <li key={status}>
            <button type="button" className={search.status === status ? 'button button-primary' : 'button'} onClick={() => go({ status: search.status === status ? undefined : status })}>
              {text(`status.${status}`)}: {formatNumber(counts[status] ?? 0)}
            </button>
          </li>
        ))}
      </ul>
      <SearchToolbar label={text('outbox.search')} value={search.q} onSearch={(q) => go({ q })} inputTestId="outbox-search">
        <SelectField name="status" label={text('outbox.status')} value={search.status ?? ''} onChange={(status) => go({ status: (status || undefined) as never })} placeholder={text('outbox.all')} options={statuses.map((status) => ({ value: status, label: text(`status.${status}`) }))} />
        <SelectField name="channel" label={text('outbox.channel')} value={search.channel ?? ''} onChange={(channel) => go({ channel: (channel || undefined) as never })} placeholder={text('outbox.all')} options={channels.map((channel) => ({ value: channel, label: text(`channel.${channel}`) }))} />
      </SearchToolbar>
      {resent && <Notice testId="outbox-resent">{text('outbox.resent')}</Notice>}
      {resend.isError && <LoadError error={resend.error} />}
      <ListTable
        query={outbox}
        empty={text('outbox.empty')}
        count={(count) => text('outbox.count', { count })}
        columns={columns}
        rowKey={(message) => message.id}
        tableTestId="outbox-table"
        rowTestId="outbox-row"
        page={search.page ?? 1}
        pageSize={PAGE_SIZE}
        onPage={(page) => void navigate({ search: { ...search, page } })}
      />
    </section>
  );
}
