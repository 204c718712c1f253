import { lazy, Suspense, useState } from 'react';
import { SEGMENTS, SEGMENT_LABELS, type Segment } from '../../../core/people.ts';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { Badge, type Tone } from '../../components/ui/Badge.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { SelectField } from '../../components/ui/Field.tsx';
import { PageHeader, Section } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { Table } from '../../components/ui/Table.tsx';
import { useJourneyMap, type JourneyMap } from './journey.api.ts';
import './health.css';

const JourneyChart = lazy(() => import('./JourneyChart.tsx'));

const VERDICT: Record<JourneyMap['touchpoints'][number]['verdict'], { label: string; tone: Tone }> = {
  moment_of_truth: { label: 'Moment of truth', tone: 'green' },
  weak_spot: { label: 'Weak spot', tone: 'red' },
  routine: { label: 'Routine', tone: 'neutral' },
  unknown: { label: 'Not enough data', tone: 'neutral' },
};
const shown = (value: number | null, suffix = '') => (value === null || !Number.isFinite(value) ? '—' : `${value}${suffix}`);

export function JourneyMapPage() {
  useDocumentTitle('Journey map');
  const [playbookId, setPlaybookId] = useState('');
  const [segment, setSegment] = useState('');
  const map = useJourneyMap({ playbookId: playbookId || undefined, segment: (segment || undefined) as Segment | undefined });
  return (
    <div className="page">
      <PageHeader
        title="Journey map"
        description="Every task of your playbooks on its stage, weighted by what customers said it was worth to them (1–5, rated in the portal; your default weight until they do) against how it went (on time, CSAT). Important and going well: a moment of truth. Important and going badly: a weak spot."
      />
      <div className="card journey-filters">
        <SelectField
          label="Playbook"
          value={playbookId}
          placeholder="All playbooks"
          options={(map.data?.playbooks ?? []).map((p) => ({ value: p.id, label: p.name }))}
          onChange={(e) => setPlaybookId(e.target.value)}
        />
        <SelectField label="Segment" value={segment} placeholder="All segments" options={SEGMENTS.map((s) => ({ value: s, label: SEGMENT_LABELS[s] }))} onChange={(e) => setSegment(e.target.value)} />
      </div>
      {map.isPending ? (
        <LoadingState />
      ) : map.isError ? (
        <ErrorState error={map.error} onRetry={() => void map.refetch()} />
      ) : map.data.touchpoints.length === 0 ? (
        <div className="card">
          <EmptyState title="No touchpoints here yet">Start a project from a playbook (or clear the filters): its tasks appear here, and customers’ ratings as they give them.</EmptyState>
        </div>
      ) : (
        <>
          <Section title="Importance × performance">
            <div className="card">
              <Suspense fallback={<LoadingState label="Loading chart…" />}>
                <JourneyChart touchpoints={map.data.touchpoints} />
              </Suspense>
            </div>
          </Section>
          <Section title="Touchpoints" count={map.data.touchpoints.length}>
            <div className="card card-flush">
              <Table caption="Touchpoints by stage with importance and performance">
                <thead>
                  <tr>
                    <th scope="col">Stage</th>
                    <th scope="col">Touchpoint</th>
                    <th scope="col" className="num">
                      Importance
                    </th>
                    <th scope="col" className="num">
                      On time
                    </th>
                    <th scope="col" className="num">
                      CSAT
                    </th>
                    <th scope="col">Verdict</th>
                  </tr>
                </thead>
                <tbody>
                  {map.data.touchpoints.map((t) => (
                    <tr key={`${t.playbookId}-${t.taskKey}`}>
                      <td>{t.stageName}</td>
                      <td>
                        {t.title}
                        <div className="muted health-small">
                          {t.playbookName} · {t.projects} project{t.projects === 1 ? '' : 's'}
                          {t.comments[0] ? ` · “${t.comments[0]}”` : ''}
                        </div>
                      </td>
                      <td className="num">
                        {shown(t.importance)}
                        <div className="muted health-small">{t.importanceFrom === 'customers' ? `${t.ratings} rating${t.ratings === 1 ? '' : 's'}` : t.importanceFrom === 'staff' ? 'your weight' : 'not rated'}</div>
                      </td>
                      <td className="num">{shown(t.onTimePercent, ' %')}</td>
                      <td className="num">{shown(t.csat)}</td>
                      <td>
                        <Badge tone={VERDICT[t.verdict].tone}>{VERDICT[t.verdict].label}</Badge>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </div>
          </Section>
        </>
      )}
    </div>
  );
}
