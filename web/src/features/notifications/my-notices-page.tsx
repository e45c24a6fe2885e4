/**
 * "Thông báo của tôi": one's own e-mail and mobile number, the channels and kinds of notice one wants
 * (legal deadlines cannot be switched off by an official), and what was sent to one and when.
 */
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../../app/api.ts';
import { formatDateTime } from '../../app/i18n.tsx';
import { FormActions } from '../../app/form-actions.tsx';
import { ListTable, PAGE_SIZE, type Column } from '../../app/list-page.tsx';
import { ErrorSummary, Field, LoadError, Loading, Notice, PageHeader, TextField, useFormErrors } from '../../app/ui.tsx';
import { MessageStatus, type OutboxMessage } from './notice-status.tsx';
import { useNoticesText } from './notices-text.ts';
import './notices.css';

type Settings = Schemas['MyNoticeSettings'];
type Channel = Settings['channels'][number];
const channels: readonly Channel[] = ['email', 'zalo', 'sms'];

function SettingsForm({ settings }: { settings: Settings }) {
  const text = useNoticesText();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState(settings.email ?? '');
  const [phone, setPhone] = useState(settings.phone ?? '');
  const [chosen, setChosen] = useState<Channel[]>(settings.channels);
  const [optedOut, setOptedOut] = useState<string[]>(settings.optedOutKinds);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () => api.put('/api/me/notice-settings', { body: { email: email.trim() || null, phone: phone.trim() || null, channels: chosen, optedOutKinds: optedOut } }),
    onSuccess: (updated) => {
      queryClient.setQueryData(['my-notice-settings'], updated);
      setEmail(updated.email ?? '');
      setPhone(updated.phone ?? '');
      setSaved(true);
    },
  });
  const errors = useFormErrors(save.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    save.mutate();
  }
  const toggle = <T,>(list: T[], value: T, on: boolean) => (on ? [...list.filter((item) => item !== value), value] : list.filter((item) => item !== value));
  return (
    <form className="card form" onSubmit={submit} noValidate data-testid="notice-settings-form">
      {saved && <Notice testId="notice-settings-saved">{text('mine.saved')}</Notice>}
      <ErrorSummary errors={errors} shownFields={['email', 'phone', 'optedOutKinds']} />
      <TextField name="email" label={text('mine.email')} type="email" autoComplete="email" value={email} onChange={setEmail} errors={errors?.fields.email} />
      <TextField name="phone" label={text('mine.phone')} type="tel" autoComplete="tel" inputMode="tel" value={phone} onChange={setPhone} hint={text('mine.phoneHint')} errors={errors?.fields.phone} />
      <fieldset className="notices-choices">
        <legend>{text('mine.channels')}</legend>
        {channels.map((channel) => (
          <label key={channel} className="check">
            <input type="checkbox" checked={chosen.includes(channel)} onChange={(event) => setChosen(toggle(chosen, channel, event.target.checked))} data-testid={`notice-channel-${channel}`} /> {text(`channel.${channel}`)}
          </label>
        ))}
      </fieldset>
      <Field name="optedOutKinds" label={text('mine.kinds')} hint={text('mine.kindsHint')} errors={errors?.fields.optedOutKinds}>
        {(control) => (
          <div id={control.id} aria-describedby={control['aria-describedby']} className="notices-choices">
            {settings.kinds.map((kind) => (
              <label key={kind.kind} className="check">
                <input
                  type="checkbox"
                  checked={!kind.canOptOut || !optedOut.includes(kind.kind)}
                  disabled={!kind.canOptOut}
                  onChange={(event) => setOptedOut(toggle(optedOut, kind.kind, !event.target.checked))}
                />{' '}
                {kind.label}
                {!kind.canOptOut && <span className="hint"> ({text('mine.legal')})</span>}
              </label>
            ))}
          </div>
        )}
      </Field>
      <FormActions submitLabel={text('common.save')} busy={save.isPending} submitTestId="notice-settings-submit" />
    </form>
  );
}

export function MyNoticesPage() {
  const text = useNoticesText();
  const [page, setPage] = useState(1);
  const settings = useQuery({ queryKey: ['my-notice-settings'], queryFn: () => api.get('/api/me/notice-settings') });
  const deliveries = useQuery({ queryKey: ['my-deliveries', page], queryFn: () => api.get('/api/me/deliveries', { query: { page, pageSize: PAGE_SIZE } }) });
  const columns: Column<OutboxMessage>[] = [
    { label: text('col.when'), cell: (message) => formatDateTime(message.createdAt) },
    { label: text('col.channel'), cell: (message) => `${text(`channel.${message.channel}`)} · ${message.address ?? ''}` },
    { label: text('col.subject'), cell: (message) => <strong>{message.subject}</strong> },
    { label: text('col.status'), cell: (message) => <MessageStatus message={message} /> },
  ];
  return (
    <section className="stack narrow">
      <PageHeader title={text('mine.title')}>
        <p className="lead">{text('mine.intro')}</p>
      </PageHeader>
      {settings.isPending ? <Loading /> : settings.isError ? <LoadError error={settings.error} retry={() => void settings.refetch()} /> : <SettingsForm settings={settings.data} />}
      <h2>{text('mine.sent')}</h2>
      <ListTable
        query={deliveries}
        empty={text('mine.sentEmpty')}
        columns={columns}
        rowKey={(message) => message.id}
        tableTestId="my-deliveries"
        rowTestId="my-delivery"
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
      />
    </section>
  );
}
