/** A province's OCOP rules: today, how long a commune has to forward a business plan, and what follows if it does not. */
import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { api, type Schemas } from '../../app/api.ts';
import { formatDateTime } from '../../app/i18n.tsx';
import { useUser } from '../../app/session.ts';
import { ErrorSummary, Field, LoadError, Loading, Notice, PageHeader, SelectField, TextField, useFormErrors } from '../../app/ui.tsx';
import { ProvincePicker } from '../admin-units/index.ts';
import { FormActions } from '../../app/form-actions.tsx';
import { useSettingsText } from './settings-text.ts';

const route = getRouteApi('/province-settings');
type Settings = Schemas['ProvinceSettings'];
type Consequence = NonNullable<Settings['planForwarding']>['consequence'];
type DayKind = NonNullable<Settings['planForwarding']>['dayKind'];

function SettingsForm({ settings, mayEdit }: { settings: Settings; mayEdit: boolean }) {
  const t = useSettingsText();
  const queryClient = useQueryClient();
  const rule = settings.planForwarding;
  const [enabled, setEnabled] = useState(rule !== null);
  const [days, setDays] = useState(rule ? String(rule.days) : '5');
  const [dayKind, setDayKind] = useState<DayKind>(rule?.dayKind ?? 'calendar');
  const [consequence, setConsequence] = useState<Consequence | ''>(rule?.consequence ?? '');
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      api.put('/api/provinces/{code}/settings', {
        path: { code: settings.provinceCode },
        body: {
          version: settings.version,
          planForwarding: enabled ? { days: days.trim() === '' ? (undefined as never) : Number(days), dayKind, consequence: consequence as Consequence } : null,
        },
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(['province-settings', settings.provinceCode], updated);
      setSaved(true);
    },
  });
  const errors = useFormErrors(save.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    save.mutate();
  }
  const fieldErrors = (name: string) => errors?.fields[`planForwarding.${name}`];
  return (
    <form className="card form" onSubmit={submit} noValidate data-testid="settings-form">
      <h2 className="h3">{t('settings.forwardingTitle')}</h2>
      <p className="hint">{t('settings.forwardingHint')}</p>
      {saved && <Notice testId="settings-saved">{t('common.saved')}</Notice>}
      <ErrorSummary errors={errors} shownFields={['planForwarding.days', 'planForwarding.dayKind', 'planForwarding.consequence']} />
      <label>
        <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} disabled={!mayEdit} data-testid="forwarding-enabled" /> {t('settings.forwardingEnabled')}
      </label>
      {enabled && (
        <>
          <TextField name="planForwarding.days" label={t('settings.days')} value={days} onChange={setDays} errors={fieldErrors('days')} inputMode="numeric" required disabled={!mayEdit} />
          <Field name="planForwarding.dayKind" label={t('settings.dayKind')} errors={fieldErrors('dayKind')} required>
            {(control) => (
              <div role="radiogroup" id={control.id} aria-describedby={control['aria-describedby']}>
                {(['calendar', 'working'] as const).map((kind) => (
                  <label key={kind} className="radio">
                    <input type="radio" name="dayKind" checked={dayKind === kind} onChange={() => setDayKind(kind)} disabled={!mayEdit} /> {t(`dayKind.${kind}`)}
                  </label>
                ))}
              </div>
            )}
          </Field>
          <SelectField
            name="planForwarding.consequence"
            label={t('settings.consequence')}
            value={consequence}
            onChange={(value) => setConsequence(value as Consequence)}
            options={(['no_product_this_year', 'flag_late'] as const).map((value) => ({ value, label: t(`consequence.${value}`) }))}
            placeholder={t('form.choose')}
            errors={fieldErrors('consequence')}
            required
            disabled={!mayEdit}
          />
        </>
      )}
      {settings.updatedAt && <p className="hint">{t('settings.updatedAt', { date: formatDateTime(settings.updatedAt) })}</p>}
      {mayEdit && (
        <FormActions submitLabel={t('common.save')} busy={save.isPending} submitTestId="settings-submit" />
      )}
    </form>
  );
}

export function ProvinceSettingsPage() {
  const t = useSettingsText();
  const user = useUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  // A provincial office works on its own province; the administrator chooses one.
  const code = user.role === 'system_admin' || user.role === 'ministry_officer' ? (search.province ?? '') : (user.provinceCode ?? '');
  const [picked, setPicked] = useState(code);
  useEffect(() => setPicked(code), [code]);
  const settings = useQuery({
    queryKey: ['province-settings', code],
    queryFn: () => api.get('/api/provinces/{code}/settings', { path: { code } }),
    enabled: code !== '',
  });
  const mayEdit = user.role === 'system_admin' || (user.role === 'province_office' && user.provinceCode === code);
  return (
    <section className="stack narrow">
      <PageHeader title={t('settings.title')}>
        <p className="lead">{settings.data?.provinceName ?? t('settings.intro')}</p>
      </PageHeader>
      {(user.role === 'system_admin' || user.role === 'ministry_officer') && (
        <ProvincePicker value={picked} onChange={(next) => (setPicked(next), void navigate({ search: { province: next || undefined } }))} />
      )}
      {code === '' ? null : settings.isPending ? (
        <Loading />
      ) : settings.isError ? (
        <LoadError error={settings.error} retry={() => void settings.refetch()} />
      ) : (
        <SettingsForm key={code} settings={settings.data} mayEdit={mayEdit} />
      )}
    </section>
  );
}
