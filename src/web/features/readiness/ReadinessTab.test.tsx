// @vitest-environment happy-dom
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSession, mockApi, problem, renderPage } from '../../test/render.tsx';
import type { Project } from '../projects/projects.api.ts';
import type { Assessment, ProjectReadiness, ReadinessQuestion } from './readiness.api.ts';
import { ReadinessTab } from './ReadinessTab.tsx';

const projectId = '22222222-2222-4222-8222-222222222222';
const project = { id: projectId, accountId: '11111111-1111-4111-8111-111111111111' } as Project;

const questions: ReadinessQuestion[] = [
  { key: 'sponsor_named', area: 'people', type: 'yes_no', weight: 1, text: 'Is there a named executive sponsor?' },
  { key: 'data_quality', area: 'technology', type: 'scale', weight: 1, text: 'How clean is the data?' },
];
const score = { areas: { people: null, processes: null, technology: null }, overall: null, verdict: null, answered: 0, scoredQuestions: 2, weakest: [], thresholds: { ready: 70, atRisk: 50 } };
const assessment: Assessment = {
  id: '33333333-3333-4333-8333-333333333333',
  projectId,
  projectName: 'Zephyr onboarding',
  questionnaire: { id: '44444444-4444-4444-8444-444444444444', name: 'Onboarding readiness', version: 1 },
  state: 'draft',
  questions,
  answers: {},
  startedByName: 'Dana Whitfield',
  createdAt: '2026-11-02T10:00:00.000Z',
  sentTo: null,
  sentAt: null,
  sentByName: null,
  submittedAt: null,
  submittedByName: null,
  score,
};
const readiness = (overrides: Partial<ProjectReadiness> = {}): ProjectReadiness => ({
  projectId,
  settings: { readyThreshold: 70, atRiskThreshold: 50, gateOn: true },
  current: assessment,
  latest: null,
  history: [],
  gate: {
    on: true,
    passes: false,
    canOverride: true,
    message: 'No readiness assessment has been submitted yet, and the readiness gate holds projects in Mobilization until they are ready (70 or more).',
  },
  override: null,
  risk: null,
  ...overrides,
});

describe('the readiness tab', () => {
  it('scores answers as they are given, and shows a refused submission next to the question it names', async () => {
    const api = mockApi({
      [`GET /projects/${projectId}/readiness`]: () => ({ body: readiness() }),
      [`PATCH /readiness-assessments/${assessment.id}/answers`]: () => ({ body: assessment }),
      [`POST /readiness-assessments/${assessment.id}/submit`]: () =>
        problem(400, 'Answer every scored question before submitting: 1 still open', [{ path: ['answers', 'data_quality'], message: 'is not answered yet' }]),
    });
    renderPage(<ReadinessTab project={project} />, { session: makeSession('onboarding_manager') });

    expect(await screen.findByText('Held in Mobilization')).toBeTruthy();
    const sponsor = screen.getByRole('group', { name: 'Is there a named executive sponsor?' });
    fireEvent.click(within(sponsor).getByLabelText('Yes'));
    expect(screen.getByRole('meter', { name: 'People score' }).getAttribute('aria-valuenow')).toBe('100');
    expect(screen.getByRole('meter', { name: 'Technology score' }).getAttribute('aria-valuetext')).toBe('not answered yet');

    fireEvent.click(screen.getByRole('button', { name: 'Submit and score' }));
    const data = screen.getByRole('group', { name: 'How clean is the data?' });
    expect(await within(data).findByText('Not answered yet.')).toBeTruthy();
    expect(data.getAttribute('aria-invalid')).toBe('true');
    // The answer given was saved before submitting, and only what changed was sent.
    expect(api.requests.find((r) => r.method === 'PATCH')?.body).toEqual({ answers: { sponsor_named: true } });
  });

  it('says what to do next when the project has never been assessed, and offers no override to a CSM', async () => {
    mockApi({ [`GET /projects/${projectId}/readiness`]: () => ({ body: readiness({ current: null, gate: { ...readiness().gate, canOverride: false } }) }) });
    renderPage(<ReadinessTab project={project} />, { session: makeSession('csm') });
    expect(await screen.findByText('No readiness assessment yet')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Start the assessment' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Override/ })).toBeNull();
  });
});
