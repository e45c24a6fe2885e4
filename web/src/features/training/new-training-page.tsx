import './programme.css';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { api } from '../../app/api.ts';
import { useUser } from '../../app/session.ts';
import { ErrorSummary, PageHeader, SelectField, TextField, useFormErrors } from '../../app/ui.tsx';
import { CommunePicker, ProvincePicker } from '../admin-units/index.ts';
import { DateField } from './programme-fields.tsx';
import { useProgrammeText } from './programme-text.ts';
import { audiences } from './training-labels.ts';
import { FormActions } from '../../app/form-actions.tsx';

type Audience = (typeof audiences)[number];

export function NewTrainingPage() {
  const text = useProgrammeText();
  const user = useUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const topics = useQuery({ queryKey: ['training', 'topics'], queryFn: () => api.get('/api/training-topics'), staleTime: Infinity });
  const [values, setValues] = useState({
    provinceCode: user.provinceCode ?? '',
    communeCode: user.role === 'commune_officer' ? (user.communeCode ?? '') : '',
    organiserName: '',
    title: '',
    kind: 'course' as 'course' | 'conference',
    startsOn: '',
    endsOn: '',
    place: '',
    trainers: '',
    plannedParticipants: '',
    targetAudiences: [] as Audience[],
    topicCodes: [] as string[],
  });
  const set = <K extends keyof typeof values>(key: K) => (value: (typeof values)[K]) => setValues((v) => ({ ...v, [key]: value }));
  const toggle = <T extends string>(list: T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));

  const create = useMutation({
    mutationFn: () =>
      api.post('/api/trainings', {
        body: {
          provinceCode: values.provinceCode,
          communeCode: values.communeCode || null,
          organiserName: values.organiserName,
          kind: values.kind,
          title: values.title,
          startsOn: values.startsOn,
          endsOn: values.endsOn,
          place: values.place,
          targetAudiences: values.targetAudiences,
          topicCodes: values.topicCodes,
          trainers: values.trainers || null,
          plannedParticipants: values.plannedParticipants ? Number(values.plannedParticipants) : null,
        },
      }),
    onSuccess: async (training) => {
      await queryClient.invalidateQueries({ queryKey: ['training'] });
      await navigate({ to: '/trainings/$trainingId', params: { trainingId: training.id } });
    },
  });
  const errors = useFormErrors(create.error);
  const shown = ['provinceCode', 'communeCode', 'organiserName', 'title', 'startsOn', 'endsOn', 'place', 'targetAudiences', 'topicCodes', 'plannedParticipants'];

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }

  return (
    <section className="stack narrow">
      <p>
        <Link to="/trainings" search={{}}>{text('common.back')}</Link>
      </p>
      <PageHeader title={text('training.new')} />
      <form className="form card" onSubmit={submit} noValidate data-testid="training-form">
        <ErrorSummary errors={errors} shownFields={shown} />
        {user.role === 'system_admin' && (
          <ProvincePicker value={values.provinceCode} onChange={(code) => setValues((v) => ({ ...v, provinceCode: code, communeCode: '' }))} errors={errors?.fields.provinceCode} required />
        )}
        {user.role !== 'commune_officer' && (
          <CommunePicker
            provinceCode={values.provinceCode}
            value={values.communeCode}
            onChange={set('communeCode')}
            placeholder={text('common.provinceLevel')}
            label={text('common.unit')}
            errors={errors?.fields.communeCode}
          />
        )}
        <TextField name="organiserName" label={text('training.organiser')} value={values.organiserName} onChange={set('organiserName')} errors={errors?.fields.organiserName} required />
        <TextField name="title" label={text('training.name')} value={values.title} onChange={set('title')} errors={errors?.fields.title} required />
        <SelectField
          name="kind"
          label={text('training.kind')}
          value={values.kind}
          onChange={(value) => set('kind')(value as 'course' | 'conference')}
          options={[
            { value: 'course', label: text('training.kind.course') },
            { value: 'conference', label: text('training.kind.conference') },
          ]}
        />
        <div className="programme-grid">
          <DateField name="startsOn" label={text('common.from')} value={values.startsOn} onChange={set('startsOn')} errors={errors?.fields.startsOn} required />
          <DateField name="endsOn" label={text('common.to')} value={values.endsOn} onChange={set('endsOn')} errors={errors?.fields.endsOn} required />
        </div>
        <TextField name="place" label={text('common.place')} value={values.place} onChange={set('place')} errors={errors?.fields.place} required />
        <fieldset className="programme-choices" data-testid="audiences">
          <legend className="field-label">{text('training.audiences')} *</legend>
          {audiences.map((audience) => (
            <label key={audience}>
              <input
                type="checkbox"
                checked={values.targetAudiences.includes(audience)}
                onChange={(event) => set('targetAudiences')(toggle(values.targetAudiences, audience, event.target.checked))}
              />
              {text(`audience.${audience}`)}
            </label>
          ))}
          {errors?.fields.targetAudiences && <p className="field-error">{errors.fields.targetAudiences.join(' ')}</p>}
        </fieldset>
        <fieldset className="programme-choices" data-testid="topics">
          <legend className="field-label">{text('training.topics')} *</legend>
          {(topics.data?.items ?? []).map((topic) => (
            <label key={topic.code}>
              <input
                type="checkbox"
                value={topic.code}
                checked={values.topicCodes.includes(topic.code)}
                onChange={(event) => set('topicCodes')(toggle(values.topicCodes, topic.code, event.target.checked))}
              />
              {topic.name}
            </label>
          ))}
          {errors?.fields.topicCodes && <p className="field-error">{errors.fields.topicCodes.join(' ')}</p>}
        </fieldset>
        <TextField name="trainers" label={text('training.trainers')} value={values.trainers} onChange={set('trainers')} />
        <TextField name="plannedParticipants" label={text('training.planned')} value={values.plannedParticipants} onChange={set('plannedParticipants')} inputMode="numeric" errors={errors?.fields.plannedParticipants} />
        <FormActions submitLabel={text('training.new')} busyLabel={text('common.saving')} busy={create.isPending} submitTestId="training-submit" />
      </form>
    </section>
  );
}
