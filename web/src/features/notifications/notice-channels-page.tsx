/**
 * Where notices go out: the e-mail (SMTP), Zalo (ZNS) and SMS channels of a province — or the global
 * ones the system administrator keeps for provinces without their own — and the province's wording of
 * each kind of notice, with the SMS length counted. Passwords and tokens are write-only.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { api, type Schemas } from '../../app/api.ts';
import { formatDateTime } from '../../app/i18n.tsx';
import { FormActions } from '../../app/form-actions.tsx';
import { useUser } from '../../app/session.ts';
import { ErrorSummary, Field, LoadError, Loading, Notice, PageHeader, SelectField, TextField, useFormErrors } from '../../app/ui.tsx';
import { ProvincePicker } from '../admin-units/index.ts';
import { useNoticesText } from './notices-text.ts';
import './notices.css';

const route = getRouteApi('/notice-channels');
type ChannelView = Schemas['NoticeChannel'];
type TemplateView = Schemas['NoticeTemplate'];

const fieldsOf: Record<ChannelView['channel'], ReadonlyArray<{ name: string; kind: 'text' | 'number' | 'flag' | 'templates' }>> = {
  email: [
    { name: 'host', kind: 'text' },
    { name: 'port', kind: 'number' },
    { name: 'secure', kind: 'flag' },
    { name: 'requireTls', kind: 'flag' },
    { name: 'username', kind: 'text' },
    { name: 'from', kind: 'text' },
    { name: 'fromName', kind: 'text' },
    { name: 'replyTo', kind: 'text' },
  ],
  zalo: [
    { name: 'baseUrl', kind: 'text' },
    { name: 'templates', kind: 'templates' },
  ],
  sms: [
    { name: 'baseUrl', kind: 'text' },
    { name: 'apiKey', kind: 'text' },
    { name: 'brandname', kind: 'text' },
    { name: 'unicode', kind: 'flag' },
  ],
};

const templatesToText = (value: unknown) =>
  value && typeof value === 'object' ? Object.entries(value as Record<string, string>).map(([kind, id]) => `${kind} = ${id}`).join('\n') : '';
const textToTemplates = (value: string) =>
  Object.fromEntries(value.split('\n').map((line) => line.split('=').map((part) => part.trim())).filter((parts) => parts.length === 2 && parts[0]).map(([kind, id]) => [kind, id]));

function ChannelForm({ scope, view: loaded }: { scope: string; view: ChannelView }) {
  const text = useNoticesText();
  const queryClient = useQueryClient();
  const [enabled, setEnabled] = useState(loaded.configured ? loaded.enabled : true);
  const [perMinute, setPerMinute] = useState(String(loaded.perMinute));
  const [values, setValues] = useState<Record<string, unknown>>(loaded.settings);
  const [secret, setSecret] = useState('');
  const [removeSecret, setRemoveSecret] = useState(false);
  const [saved, setSaved] = useState(false);
  // What the server answered last (version, whether a secret is kept), else what was loaded.
  const [view, setView] = useState(loaded);
  const save = useMutation({
    mutationFn: () =>
      api.put('/api/notice-channels/{scope}/{channel}', {
        path: { scope, channel: view.channel },
        body: { version: view.version, enabled, perMinute: Number(perMinute), settings: values, ...(removeSecret ? { secret: null } : secret ? { secret } : {}) },
      }),
    onSuccess: (updated) => {
      setView(updated);
      setSecret('');
      setRemoveSecret(false);
      setSaved(true);
      queryClient.setQueryData(['notice-channels', scope], (list: { items: ChannelView[] } | undefined) =>
        list ? { items: list.items.map((item) => (item.channel === updated.channel ? updated : item)) } : list,
      );
    },
  });
  const errors = useFormErrors(save.error);
  const set = (name: string, value: unknown) => setValues((current) => ({ ...current, [name]: value }));
  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    save.mutate();
  }
  const secretLabel = text(`channels.secret.${view.channel}`);
  return (
    <form className="card form" onSubmit={submit} noValidate data-testid={`channel-form-${view.channel}`}>
      <h2 className="h3">{text(`channel.${view.channel}`)}</h2>
      {!view.configured && <p className="hint">{text('channels.notConfigured')}</p>}
      {saved && <Notice testId={`channel-saved-${view.channel}`}>{text('channels.saved')}</Notice>}
      <ErrorSummary errors={errors} shownFields={[...fieldsOf[view.channel].map((field) => `settings.${field.name}`), 'secret', 'perMinute']} />
      <label className="check">
        <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} data-testid={`channel-enabled-${view.channel}`} /> {text('channels.enabled')}
      </label>
      {fieldsOf[view.channel].map((field) =>
        field.kind === 'flag' ? (
          <label className="check" key={field.name}>
            <input type="checkbox" checked={values[field.name] === true} onChange={(event) => set(field.name, event.target.checked)} /> {text(`channels.${field.name}` as never)}
          </label>
        ) : field.kind === 'templates' ? (
          <Field key={field.name} name={`settings.${field.name}`} label={text('channels.templates')} errors={errors?.fields[`settings.${field.name}`]}>
            {(control) => <textarea {...control} rows={4} defaultValue={templatesToText(values.templates)} onChange={(event) => set('templates', textToTemplates(event.target.value))} data-testid="channel-zalo-templates" />}
          </Field>
        ) : (
          <TextField
            key={field.name}
            name={`settings.${field.name}`}
            label={text(`channels.${field.name}` as never)}
            value={values[field.name] === undefined ? '' : String(values[field.name])}
            onChange={(value) => set(field.name, field.kind === 'number' ? (value === '' ? undefined : Number(value)) : value)}
            inputMode={field.kind === 'number' ? 'numeric' : undefined}
            errors={errors?.fields[`settings.${field.name}`]}
          />
        ),
      )}
      <TextField name="secret" label={secretLabel} type="password" autoComplete="new-password" value={secret} onChange={setSecret} hint={view.hasSecret ? text('channels.secretKept') : undefined} errors={errors?.fields.secret} />
      {view.hasSecret && (
        <label className="check">
          <input type="checkbox" checked={removeSecret} onChange={(event) => setRemoveSecret(event.target.checked)} /> {text('channels.secretRemove')}
        </label>
      )}
      <TextField name="perMinute" label={text('channels.perMinute')} value={perMinute} onChange={setPerMinute} inputMode="numeric" errors={errors?.fields.perMinute} />
      {view.updatedAt && <p className="hint">{formatDateTime(view.updatedAt)}</p>}
      <FormActions submitLabel={text('common.save')} busy={save.isPending} submitTestId={`channel-submit-${view.channel}`} />
    </form>
  );
}

function SmsCount({ view }: { view: TemplateView }) {
  const text = useNoticesText();
  return (
    <p className="hint" data-testid="template-sms-count">
      {text('templates.countPlain')}
      {text('templates.count', { ...view.sms.plain })}
      <br />
      {text('templates.countUnicode')}
      {text('templates.count', { ...view.sms.unicode })}
    </p>
  );
}

function TemplateEditor({ province, view }: { province: string; view: TemplateView }) {
  const text = useNoticesText();
  const queryClient = useQueryClient();
  const [wording, setWording] = useState(view.wording);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => setWording(view.wording), [view]);
  const path = { province, kind: view.kind, locale: view.locale };
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['notice-templates', province] });
  const save = useMutation({ mutationFn: () => api.put('/api/provinces/{province}/notice-templates/{kind}/{locale}', { path, body: wording }), onSuccess: () => (setSaved(text('templates.saved')), refresh()) });
  const reset = useMutation({ mutationFn: () => api.delete('/api/provinces/{province}/notice-templates/{kind}/{locale}', { path }), onSuccess: () => (setSaved(text('templates.default')), refresh()) });
  const errors = useFormErrors(save.error ?? reset.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    save.mutate();
  }
  return (
    <form className="card form" onSubmit={submit} noValidate data-testid="template-form">
      <p className="hint">{view.isDefault ? text('templates.default') : text('templates.own')}</p>
      <p className="hint">{text('templates.intro', { fields: view.fields.map((field) => `{{${field}}}`).join(', ') })}</p>
      {saved && <Notice testId="template-saved">{saved}</Notice>}
      <ErrorSummary errors={errors} shownFields={['subject', 'body', 'sms']} />
      <TextField name="subject" label={text('templates.subject')} value={wording.subject} onChange={(subject) => setWording({ ...wording, subject })} errors={errors?.fields.subject} />
      <Field name="body" label={text('templates.body')} errors={errors?.fields.body}>
        {(control) => <textarea {...control} rows={5} value={wording.body} onChange={(event) => setWording({ ...wording, body: event.target.value })} />}
      </Field>
      <Field name="sms" label={text('templates.sms')} errors={errors?.fields.sms} hint={`${wording.sms.length} / 160`}>
        {(control) => <textarea {...control} rows={3} value={wording.sms} onChange={(event) => setWording({ ...wording, sms: event.target.value })} data-testid="template-sms" />}
      </Field>
      <SmsCount view={view} />
      <FormActions submitLabel={text('common.save')} busy={save.isPending} submitTestId="template-submit">
        {!view.isDefault && (
          <button type="button" className="button" onClick={() => reset.mutate()} disabled={reset.isPending}>
            {text('templates.reset')}
          </button>
        )}
      </FormActions>
    </form>
  );
}

function Templates({ province }: { province: string }) {
  const text = useNoticesText();
  const templates = useQuery({ queryKey: ['notice-templates', province], queryFn: () => api.get('/api/provinces/{province}/notice-templates', { path: { province } }) });
  const [chosen, setChosen] = useState('');
  if (templates.isPending) return <Loading />;
  if (templates.isError) return <LoadError error={templates.error} retry={() => void templates.refetch()} />;
  const items = templates.data.items;
  const current = items.find((item) => `${item.kind}/${item.locale}` === chosen) ?? items[0];
  return (
    <>
      <SelectField
        name="template"
        label={text('templates.kind')}
        value={current ? `${current.kind}/${current.locale}` : ''}
        onChange={setChosen}
        options={items.map((item) => ({ value: `${item.kind}/${item.locale}`, label: `${item.label} (${item.locale === 'vi' ? 'Tiếng Việt' : 'English'})${item.isDefault ? '' : ' ✎'}` }))}
      />
      {current && <TemplateEditor key={`${current.kind}/${current.locale}`} province={province} view={current} />}
    </>
  );
}

export function NoticeChannelsPage() {
  const text = useNoticesText();
  const user = useUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const isAdmin = user.role === 'system_admin';
  const province = isAdmin ? (search.province ?? '') : (user.provinceCode ?? '');
  const scope = province || 'global';
  const channels = useQuery({ queryKey: ['notice-channels', scope], queryFn: () => api.get('/api/notice-channels/{scope}', { path: { scope } }) });
  return (
    <section className="stack narrow">
      <PageHeader title={text('channels.title')} actions={<Link to="/outbox" search={{ status: undefined, channel: undefined, q: undefined, province: isAdmin ? province || undefined : undefined, page: undefined }} className="button">{text('outbox.title')}</Link>}>
        <p className="lead">{text('channels.intro')}</p>
      </PageHeader>
      {isAdmin && (
        <>
          <ProvincePicker value={province} onChange={(next) => void navigate({ search: { province: next || undefined } })} />
          {!province && <p className="hint">{text('channels.global')}</p>}
        </>
      )}
      {channels.isPending ? (
        <Loading />
      ) : channels.isError ? (
        <LoadError error={channels.error} retry={() => void channels.refetch()} />
      ) : (
        channels.data.items.map((view) => <ChannelForm key={`${scope}:${view.channel}`} scope={scope} view={view} />)
      )}
      <h2>{text('templates.title')}</h2>
      {province ? <Templates province={province} /> : <p className="hint">{text('templates.pickProvince')}</p>}
    </section>
  );
}
