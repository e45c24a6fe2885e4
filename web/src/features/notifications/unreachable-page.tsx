/** The producers of the commune (or province) that notices cannot reach, and why: the commune fills the gaps. */
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { api, type Schemas } from '../../app/api.ts';
import { formatNumber } from '../../app/i18n.tsx';
import { ListTable, type Column } from '../../app/list-page.tsx';
import { PageHeader } from '../../app/ui.tsx';
import { useNoticesText } from './notices-text.ts';
import './notices.css';

type Reach = Schemas['ProducerReach'];

export function UnreachableProducersPage() {
  const text = useNoticesText();
  const reach = useQuery({ queryKey: ['unreachable-producers'], queryFn: () => api.get('/api/notices/unreachable-producers') });
  const columns: Column<Reach>[] = [
    {
      label: text('reach.name'),
      cell: (producer) => (
        <Link to="/producers/$producerId" params={{ producerId: producer.producerId }}>
          {producer.name}
        </Link>
      ),
    },
    { label: text('reach.contact'), cell: (producer) => [producer.phone, producer.email].filter(Boolean).join(' · ') || '—' },
    {
      label: text('reach.problems'),
      cell: (producer) => (
        <ul className="notices-problems">
          {producer.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ),
    },
    { label: text('reach.sent'), cell: (producer) => `${formatNumber(producer.sent)} / ${formatNumber(producer.failed)}` },
  ];
  return (
    <section className="stack">
      <PageHeader title={text('reach.title')}>
        <p className="lead">{text('reach.intro')}</p>
      </PageHeader>
      <ListTable query={reach} empty={text('reach.empty')} count={(count) => count} columns={columns} rowKey={(producer) => producer.producerId} tableTestId="unreachable-table" rowTestId="unreachable-row" />
    </section>
  );
}
