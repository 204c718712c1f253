import { describe, expect, it } from 'vitest';
import { capacityModel, DEFAULT_ASSUMPTIONS, type Assumptions } from './capacity-model.ts';

const small: Assumptions = { ...DEFAULT_ASSUMPTIONS, workspaces: 10, projectsPerWorkspace: 100 };

describe('capacityModel', () => {
  it('multiplies each table by what it grows with: workspaces, accounts or projects', () => {
    const model = capacityModel(
      [
        { table: 'members', scope: 'workspace', rowsPerUnit: 25, bytesPerRow: 400 },
        { table: 'contacts', scope: 'account', rowsPerUnit: 3, bytesPerRow: 1_000 },
        { table: 'project_tasks', scope: 'project', rowsPerUnit: 40, bytesPerRow: 2_000 },
      ],
      { appCpuMs: 1, dbCpuMs: 1 },
      { ...small, accountsPerProject: 0.5 },
    );
    expect(model.tables).toEqual([
      { table: 'project_tasks', scope: 'project', rows: 40_000, bytes: 80_000_000 },
      { table: 'contacts', scope: 'account', rows: 1_500, bytes: 1_500_000 },
      { table: 'members', scope: 'workspace', rows: 250, bytes: 100_000 },
    ]);
    expect(model.rowsTotal).toBe(41_750);
    expect(model.dataGb).toBe(0.1);
    expect(model.perProjectBytes).toBe(81_600);
  });

  it('peak requests per second from the users, their share active and their rate; cores from CPU per request', () => {
    const model = capacityModel([], { appCpuMs: 3, dbCpuMs: 1.5 }, small);
    // 10 workspaces × (25 × 0.6 × 10 + 200 × 0.1 × 4) / 60 = 10 × 230 / 60
    expect(model.peakRps).toBe(38);
    // 38.33 req/s × 3 ms = 115 ms of CPU a second, at 60 %: 1 core; PostgreSQL likewise
    expect(model.appCores).toBe(1);
    expect(model.dbCores).toBe(1);
    const fleet = capacityModel([], { appCpuMs: 3, dbCpuMs: 1.5 }, DEFAULT_ASSUMPTIONS);
    expect(fleet.peakRps).toBe(38_333);
    expect(fleet.appCores).toBe(Math.ceil((38_333.33 * 3) / 1000 / 0.6));
    expect(fleet.dbCores).toBe(96);
    expect(fleet.formulas.join('\n')).toContain('= 38,333');
  });

  it('sizes the Citus workers by the largest of CPU, hot set in memory and disk, and shards to a multiple of them', () => {
    const tables = [{ table: 'project_tasks', scope: 'project' as const, rowsPerUnit: 1, bytesPerRow: 1_000_000 }];
    // 10,000 × 1,000 projects × 1 MB = 10,000 GB: memory 10,000 × 0.25 / 128 = 20 workers; shards 10,000 / 50 = 200 → 200
    const big = capacityModel(tables, { appCpuMs: 1, dbCpuMs: 1 }, DEFAULT_ASSUMPTIONS);
    expect(big.dataGb).toBe(10_000);
    expect(big.workers).toBe(20);
    expect(big.workersBy).toBe('memory');
    expect(big.shards).toBe(200);
    // CPU-bound: 38,333 req/s × 20 ms / 0.6 = 1,278 cores / 16 = 80 workers; shards ≥ 2 a worker
    const busy = capacityModel(tables, { appCpuMs: 1, dbCpuMs: 20 }, DEFAULT_ASSUMPTIONS);
    expect(busy.workersBy).toBe('cpu');
    expect(busy.workers).toBe(80);
    expect(busy.shards).toBe(240);
    expect(busy.shards % busy.workers).toBe(0);
    // Tiny: the floor of two workers and 32 shards
    const tiny = capacityModel([], { appCpuMs: 0.1, dbCpuMs: 0.1 }, small);
    expect([tiny.workers, tiny.workersBy, tiny.shards]).toEqual([2, 'minimum', 32]);
  });
});
