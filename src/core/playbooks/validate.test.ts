import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlaybookDefinition, PlaybookTask } from './definition.ts';
import { validatePlaybook } from './validate.ts';

const makeTask = (key: string, fields: Partial<PlaybookTask> = {}): PlaybookTask => ({
  key,
  title: key,
  stage: 'design',
  owner: { side: 'vendor', role: 'onboarding_manager' },
  durationDays: 1,
  ...fields,
});

const makePlaybook = (tasks: PlaybookTask[], fields: Partial<PlaybookDefinition> = {}): PlaybookDefinition => ({
  name: 'Test playbook',
  touchModel: 'high',
  targetDays: 60,
  selection: { segments: [], complexities: [], products: [] },
  stages: [
    { key: 'mobilization', name: 'Mobilization' },
    { key: 'design', name: 'Design' },
  ],
  tasks,
  ...fields,
});

const on = (task: string, lagDays?: number) => (lagDays === undefined ? { task } : { task, lagDays });

describe('validating a playbook', () => {
  it('accepts a sound playbook', () => {
    const tasks = [
      makeTask('kickoff', { title: 'Kickoff meeting', durationDays: 0, milestoneKind: 'kickoff', stage: 'mobilization' }),
      makeTask('design', { dependsOn: [on('kickoff', 2)], startOffsetDays: -3 }),
    ];
    expect(validatePlaybook(makePlaybook(tasks))).toEqual([]);
  });

  it('names a dependency cycle by task titles, in order, at the link that closes it', () => {
    const tasks = [
      makeTask('welcome', { title: 'Welcome call' }),
      makeTask('kickoff', { title: 'Kickoff meeting', dependsOn: [on('welcome'), on('design')] }),
      makeTask('design', { title: 'Solution design', dependsOn: [on('kickoff')] }),
    ];
    expect(validatePlaybook(makePlaybook(tasks))).toEqual([
      { path: ['tasks', 1, 'dependsOn', 1, 'task'], message: 'dependency cycle: Kickoff meeting → Solution design → Kickoff meeting' },
    ]);
  });

  it('names a longer cycle in the order the work would flow', () => {
    const tasks = [
      makeTask('a', { title: 'Data extracts', dependsOn: [on('c')] }),
      makeTask('b', { title: 'Data migration', dependsOn: [on('a')] }),
      makeTask('c', { title: 'UAT', dependsOn: [on('b')] }),
    ];
    expect(validatePlaybook(makePlaybook(tasks)).map((i) => i.message)).toEqual([
      'dependency cycle: Data extracts → Data migration → UAT → Data extracts',
    ]);
  });

  it('still names a cycle when the tasks in it have other problems', () => {
    const tasks = [
      makeTask('a', { title: 'Kickoff meeting', owner: null as never, dependsOn: [on('b')] }),
      makeTask('b', { title: 'Solution design', dependsOn: [on('a')] }),
    ];
    expect(validatePlaybook(makePlaybook(tasks)).map((i) => i.message)).toEqual([
      'Kickoff meeting: say who owns the task, a vendor role or a customer role',
      'dependency cycle: Kickoff meeting → Solution design → Kickoff meeting',
    ]);
  });

  it('points at a dependency on a task that does not exist', () => {
    const tasks = [makeTask('a'), makeTask('b'), makeTask('c'), makeTask('uat', { title: 'UAT', dependsOn: [on('foo')] })];
    expect(validatePlaybook(makePlaybook(tasks))).toEqual([
      { path: ['tasks', 3, 'dependsOn', 0, 'task'], message: 'UAT depends on a task that does not exist: foo' },
    ]);
  });

  it('refuses a task that depends on itself or twice on the same task', () => {
    const tasks = [makeTask('a'), makeTask('b', { title: 'Design', dependsOn: [on('a'), on('b'), on('a', 2)] })];
    expect(validatePlaybook(makePlaybook(tasks))).toEqual([
      { path: ['tasks', 1, 'dependsOn', 1, 'task'], message: 'Design cannot depend on itself' },
      { path: ['tasks', 1, 'dependsOn', 2, 'task'], message: 'Design depends on a twice' },
    ]);
  });

  it('finds duplicate task keys and unknown stages', () => {
    const tasks = [makeTask('a'), makeTask('a', { title: 'Second' }), makeTask('c', { title: 'Go-live', stage: 'launch' })];
    expect(validatePlaybook(makePlaybook(tasks))).toEqual([
      { path: ['tasks', 1, 'key'], message: 'two tasks share the key a' },
      { path: ['tasks', 2, 'stage'], message: 'Go-live: unknown stage "launch"; use one of: mobilization, design' },
    ]);
  });

  it('refuses negative durations, and milestones that take time', () => {
    const tasks = [
      makeTask('a', { title: 'Admin training', durationDays: -2 }),
      makeTask('b', { title: 'Go-live', durationDays: 3, milestoneKind: 'go_live' }),
    ];
    expect(validatePlaybook(makePlaybook(tasks))).toEqual([
      { path: ['tasks', 0, 'durationDays'], message: 'Admin training: the duration must be a whole number of business days, 0 or more' },
      { path: ['tasks', 1, 'durationDays'], message: 'Go-live is a milestone, a point in time: its duration must be 0' },
    ]);
  });

  it('allows one milestone of each kind, any number of custom ones', () => {
    const tasks = [
      makeTask('live', { durationDays: 0, milestoneKind: 'go_live' }),
      makeTask('live-again', { title: 'Second go-live', durationDays: 0, milestoneKind: 'go_live' }),
      makeTask('x', { durationDays: 0, milestoneKind: 'custom' }),
      makeTask('y', { durationDays: 0, milestoneKind: 'custom' }),
    ];
    expect(validatePlaybook(makePlaybook(tasks))).toEqual([
      { path: ['tasks', 1, 'milestoneKind'], message: 'Second go-live: the go_live milestone is already task 1; a playbook has one of each' },
    ]);
  });

  it('needs at least one stage with unique keys, but accepts a playbook with no tasks yet', () => {
    expect(validatePlaybook(makePlaybook([], { stages: [] }))).toEqual([
      { path: ['stages'], message: 'a playbook needs at least one stage' },
    ]);
    expect(validatePlaybook(makePlaybook([]))).toEqual([]);
    const stages = [
      { key: 'design', name: 'Design' },
      { key: 'design', name: 'Design again' },
    ];
    expect(validatePlaybook(makePlaybook([makeTask('a')], { stages }))).toEqual([
      { path: ['stages', 1, 'key'], message: 'two stages share the key design' },
    ]);
  });

  it('says what is wrong with an imported file that is not a playbook', () => {
    expect(validatePlaybook(null)).toEqual([{ path: [], message: 'a playbook must be an object with a name, stages and tasks' }]);
    const imported = {
      name: '',
      touchModel: 'white-glove',
      targetDays: 0,
      selection: { segments: ['startup'], complexities: [], products: [] },
      stages: [{ key: 'design', name: 'Design' }],
      tasks: [{ key: 'a', title: 'Train admins', stage: 'design', owner: { side: 'customer', role: 'sales' }, durationDays: 1.5 }],
    };
    expect(validatePlaybook(imported).map((i) => i.path.join('.'))).toEqual([
      'name',
      'touchModel',
      'targetDays',
      'selection.segments.0',
      'tasks.0.owner.role',
      'tasks.0.durationDays',
    ]);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(Array.isArray(validatePlaybook(value))).toBe(true);
      }),
    );
    const task = fc.record({
      key: fc.constantFrom('a', 'b', 'c', 'd', ''),
      title: fc.oneof(fc.string(), fc.constant(undefined)),
      stage: fc.constantFrom('design', 'nope'),
      owner: fc.oneof(fc.constant(null), fc.anything()),
      durationDays: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: -2, max: 3 }), fc.double()),
      dependsOn: fc.oneof(fc.constant(undefined), fc.array(fc.record({ task: fc.constantFrom('a', 'b', 'c', 'd') }), { maxLength: 2 })),
    });
    fc.assert(
      fc.property(fc.array(task, { maxLength: 5 }), (tasks) => {
        expect(Array.isArray(validatePlaybook(makePlaybook(tasks as never)))).toBe(true);
      }),
    );
  });

  it('reports a cycle exactly when the dependencies loop, naming a real loop', () => {
    // Tasks 0..n-1; each may depend on any task, so some graphs loop and some do not.
    const graph = fc
      .integer({ min: 1, max: 7 })
      .chain((n) =>
        fc.array(fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: 3 }), { minLength: n, maxLength: n }),
      );
    fc.assert(
      fc.property(graph, (edges) => {
        const tasks = edges.map((predecessors, i) =>
          makeTask(`t${i}`, { title: `Task ${i}`, dependsOn: predecessors.filter((p) => p !== i).map((p) => on(`t${p}`)) }),
        );
        const issues = validatePlaybook(makePlaybook(tasks));
        const loops = hasCycle(edges.map((preds, i) => preds.filter((p) => p !== i)));
        expect(issues.length).toBe(loops ? 1 : 0);
        if (!loops) return;
        const titles = issues[0]!.message.replace('dependency cycle: ', '').split(' → ');
        expect(titles[0]).toBe(titles[titles.length - 1]);
        for (let k = 1; k < titles.length; k++) {
          const later = tasks.find((t) => t.title === titles[k])!;
          expect(later.dependsOn!.map((d) => d.task)).toContain(`t${titles[k - 1]!.replace('Task ', '')}`);
        }
      }),
    );
  });
});

/** Depth-first search, independent of the engine's algorithm. */
function hasCycle(predecessors: number[][]): boolean {
  const state = new Array<number>(predecessors.length).fill(0);
  const visit = (i: number): boolean => {
    if (state[i] === 1) return true;
    if (state[i] === 2) return false;
    state[i] = 1;
    if (predecessors[i]!.some(visit)) return true;
    state[i] = 2;
    return false;
  };
  return predecessors.some((_, i) => visit(i));
}
