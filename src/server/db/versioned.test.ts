import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPlaybook, listPlaybooks, updatePlaybook } from '../modules/playbooks/playbooks.service.ts';
import { createQuestionnaire, getQuestionnaire, updateQuestionnaire } from '../modules/readiness/questionnaires.service.ts';
import { makeWorkspace, startTestEnv, type TestEnv, type TestMember } from '../test/harness.ts';

let env: TestEnv;
let admin: TestMember;

beforeAll(async () => {
  env = await startTestEnv();
  ({ admin } = await makeWorkspace(env.services));
});
afterAll(() => env.close());

describe('a definition edited in versions', () => {
  it('turns two playbook edits saved at the same moment into versions 2 and 3, and keeps version 1', async () => {
    const [listed] = await listPlaybooks(admin.ctx);
    const original = await getPlaybook(admin.ctx, listed!.id);
    const edit = (targetDays: number) => updatePlaybook(admin.ctx, original.id, { ...original.definition, targetDays });
    const saved = await Promise.all([edit(40), edit(50)]);
    expect(saved.map((playbook) => playbook.version).sort()).toEqual([2, 3]);
    expect((await getPlaybook(admin.ctx, original.id)).currentVersion).toBe(3);
    expect((await getPlaybook(admin.ctx, original.id, 1)).definition).toEqual(original.definition);
  });

  it('does the same for a readiness questionnaire', async () => {
    const question = { key: 'owner', area: 'people', type: 'yes_no', weight: 1, text: 'Is there an owner?' } as const;
    const created = await createQuestionnaire(admin.ctx, { name: 'Data readiness', questions: [question] });
    const edit = (text: string) => updateQuestionnaire(admin.ctx, created.id, { name: 'Data readiness', questions: [{ ...question, text }] });
    const saved = await Promise.all([edit('Who owns the data?'), edit('Is there a data owner?')]);
    expect(saved.map((questionnaire) => questionnaire.version).sort()).toEqual([2, 3]);
    expect((await getQuestionnaire(admin.ctx, created.id)).currentVersion).toBe(3);
    expect((await getQuestionnaire(admin.ctx, created.id, 1)).questions).toEqual([question]);
  });
});
