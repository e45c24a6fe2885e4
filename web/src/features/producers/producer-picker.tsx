/** Choose the producer a producer account represents: search by name or tax code, then pick. */
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { Field } from '../../app/ui.tsx';
import { useProducersText } from './producers-text.ts';

export function ProducerPicker(props: {
  value: string;
  /** The chosen producer's name when it is not among the search results (editing an account). */
  currentName?: string | null;
  onChange(id: string): void;
  errors?: string[] | undefined;
  required?: boolean;
}) {
  const t = useProducersText();
  const [text, setText] = useState('');
  const results = useQuery({
    queryKey: ['producers', 'picker', text.trim()],
    queryFn: () => api.get('/api/producers', { query: { q: text.trim() || undefined, pageSize: 30 } }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const items = results.data?.items ?? [];
  const hasCurrent = !props.value || items.some((p) => p.id === props.value);
  return (
    <div className="field-group">
      <div className="field">
        <label htmlFor="producer-search">{t('producers.pickerSearch')}</label>
        <input id="producer-search" type="search" value={text} onChange={(event) => setText(event.target.value)} data-testid="producer-search" />
      </div>
      <Field name="producerId" label={t('producers.producer')} errors={props.errors} required={props.required}>
        {(control) => (
          <select {...control} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
            <option value="">{results.isPending ? t('common.loading') : t('form.choose')}</option>
            {!hasCurrent && <option value={props.value}>{props.currentName ?? props.value}</option>}
            {items.map((producer) => (
              <option key={producer.id} value={producer.id}>
                {producer.name}
                {producer.communeName ? ` – ${producer.communeName}` : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}
