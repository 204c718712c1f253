// Every built-in message reads as written by a person, whatever data is missing: each template is rendered with
// each field empty (and all of them at once), through the fallbacks the server uses.
import { describe, expect, it } from 'vitest';
import { BUILTIN_CADENCES } from './builtin.ts';
import { readingProblems } from './reading.ts';
import { renderMessage, SAMPLE_VARIABLES, withFallbacks, type MessageVariables } from './template.ts';

type Emptying = [string, (v: MessageVariables) => MessageVariables];

const EMPTYINGS: Emptying[] = [
  ['contact name', (v) => ({ ...v, contact: { ...v.contact, name: '', firstName: '' } })],
  ['account name', (v) => ({ ...v, account: { name: '' } })],
  ['product', (v) => ({ ...v, product: '' })],
  ['project name', (v) => ({ ...v, project: { ...v.project, name: '' } })],
  ['onboarding manager', (v) => ({ ...v, onboardingManager: { name: '', email: '', assigned: false } })],
  ['sender', (v) => ({ ...v, sender: { name: '', title: '', signature: '' } })],
  ['next customer tasks', (v) => ({ ...v, nextCustomerTasks: [] })],
  ['a task’s due date', (v) => ({ ...v, nextCustomerTasks: [{ title: 'Connect your tools', due: null }] })],
  ['go-live', (v) => ({ ...v, goLiveDate: null, daysToGoLive: null })],
  ['one day to go-live', (v) => ({ ...v, daysToGoLive: 1 })],
  ['go-live today', (v) => ({ ...v, daysToGoLive: 0 })],
];
const ALL_EMPTY: Emptying = ['everything', (v) => EMPTYINGS.reduce((acc, [, empty]) => empty(acc), v)];

const steps = BUILTIN_CADENCES.flatMap((cadence) => cadence.steps.map((step) => [`${cadence.key} / ${step.name}`, step] as const));

describe.each(steps)('%s', (_name, step) => {
  it.each([...EMPTYINGS, ALL_EMPTY])('reads right with no %s', (_field, empty) => {
    const rendered = renderMessage(step, withFallbacks(empty(SAMPLE_VARIABLES), 'Northwind'));
    const body = rendered.text.split('\n-- \n')[0]!;
    expect(readingProblems(rendered.subject), rendered.subject).toEqual([]);
    expect(readingProblems(body), body).toEqual([]);
    expect(rendered.text).not.toMatch(/\n-- \n\s*\n/); // a signature, never an empty one
  });
});

describe('the fallbacks', () => {
  it('sign for the team of the workspace when nobody manages the project, and greet “there” without a first name', () => {
    const filled = withFallbacks(
      { ...SAMPLE_VARIABLES, contact: { ...SAMPLE_VARIABLES.contact, firstName: ' ' }, onboardingManager: { name: '', email: '', assigned: false }, sender: { name: '', title: '', signature: '' } },
      'Northwind',
    );
    expect(filled.contact.firstName).toBe('there');
    expect(filled.onboardingManager).toEqual({ name: 'the Northwind onboarding team', email: '', assigned: false });
    expect(filled.sender).toEqual({ name: 'The Northwind onboarding team', title: '', signature: 'The Northwind onboarding team' });
    expect(withFallbacks({ ...SAMPLE_VARIABLES, product: '' }, null).product).toBe('our product');
  });

  it('is caught by the reading check when a template reads badly', () => {
    expect(readingProblems('Meet other our product customers')).not.toEqual([]);
    expect(readingProblems('Hi ,')).not.toEqual([]);
    expect(readingProblems('You are 1 days from go-live.')).not.toEqual([]);
    expect(readingProblems('Thanks. our product is ready.')).not.toEqual([]);
    expect(readingProblems('Welcome to Core Platform, Jamie')).toEqual([]);
  });
});
