// The capacity model of docs/scaling.md as a pure function: from what bench/capacity-model.ts measured at a small
// scale (rows per workspace, account or project of each table, bytes per row, CPU per request) and the stated
// assumptions (how many workspaces, projects, users and how often they ask), the rows, data size, peak requests per
// second, cores and a Citus shard and worker count for the whole fleet. No I/O: capacity-model.test.ts checks it.

/** What a table's rows grow with. */
export type Scope = 'workspace' | 'account' | 'project';

export interface TableCost {
  table: string;
  scope: Scope;
  /** Rows per workspace, per account or per project (by scope). */
  rowsPerUnit: number;
  /** Bytes per row on disk: heap, TOAST and every index. */
  bytesPerRow: number;
}

export interface RequestCost {
  /** CPU of the app process per request of the mix, in ms. */
  appCpuMs: number;
  /** CPU of PostgreSQL's backends per request of the mix, in ms. */
  dbCpuMs: number;
}

export interface Assumptions {
  workspaces: number;
  projectsPerWorkspace: number;
  /** Customers (accounts) per project over the horizon: 1 when every customer has one onboarding. */
  accountsPerProject: number;
  staffPerWorkspace: number;
  customerUsersPerWorkspace: number;
  /** Share of the staff signed in and working in a workspace's peak hour, and their requests per minute. */
  staffActiveAtPeak: number;
  staffRequestsPerMinute: number;
  /** Share of the customer users (portal, academy) active in the peak hour, and their requests per minute. */
  customersActiveAtPeak: number;
  customerRequestsPerMinute: number;
  /** Share of the workspaces in their peak hour at the same time (1: everyone peaks together, the worst case). */
  workspacesAtPeak: number;
  /** CPU busy share to plan for (headroom for spikes, failover, vacuum). */
  targetCpuUtilisation: number;
  /** Citus: a shard's size to aim for, and the fewest shards (room to add workers without re-sharding). */
  shardTargetGb: number;
  minShards: number;
  /** A worker node: cores, memory, and the share of the data that must fit its memory (the hot set: open projects). */
  coresPerWorker: number;
  ramPerWorkerGb: number;
  hotShare: number;
  /** Disk per worker to plan for (data only; WAL, backups and free space come on top). */
  diskPerWorkerGb: number;
}

export const DEFAULT_ASSUMPTIONS: Assumptions = {
  workspaces: 10_000,
  projectsPerWorkspace: 1_000,
  accountsPerProject: 1,
  staffPerWorkspace: 25,
  customerUsersPerWorkspace: 200,
  staffActiveAtPeak: 0.6,
  staffRequestsPerMinute: 10,
  customersActiveAtPeak: 0.1,
  customerRequestsPerMinute: 4,
  workspacesAtPeak: 1,
  targetCpuUtilisation: 0.6,
  shardTargetGb: 50,
  minShards: 32,
  coresPerWorker: 16,
  ramPerWorkerGb: 128,
  hotShare: 0.25,
  diskPerWorkerGb: 2_000,
};

export interface TableEstimate {
  table: string;
  scope: Scope;
  rows: number;
  bytes: number;
}

export interface CapacityEstimate {
  tables: TableEstimate[];
  rowsTotal: number;
  /** GB = 10⁹ bytes. */
  dataGb: number;
  perProjectBytes: number;
  peakRps: number;
  appCores: number;
  dbCores: number;
  workers: number;
  /** Which limit set the worker count. */
  workersBy: 'cpu' | 'memory' | 'disk' | 'minimum';
  shards: number;
  /** The formulas with the figures put in, for the report. */
  formulas: string[];
}

const GB = 1e9;
const round = (n: number, digits = 1) => Number(n.toFixed(digits));
const roundUpTo = (n: number, multiple: number) => Math.ceil(n / multiple) * multiple;

export function capacityModel(tables: readonly TableCost[], request: RequestCost, a: Assumptions = DEFAULT_ASSUMPTIONS): CapacityEstimate {
  const projects = a.workspaces * a.projectsPerWorkspace;
  const units: Record<Scope, number> = { workspace: a.workspaces, account: projects * a.accountsPerProject, project: projects };
  const estimates = tables
    .map((t) => {
      const rows = Math.round(t.rowsPerUnit * units[t.scope]);
      return { table: t.table, scope: t.scope, rows, bytes: rows * t.bytesPerRow };
    })
    .sort((x, y) => y.bytes - x.bytes);
  const rowsTotal = estimates.reduce((sum, t) => sum + t.rows, 0);
  const bytes = estimates.reduce((sum, t) => sum + t.bytes, 0);
  const dataGb = bytes / GB;

  const perUserPerMinute =
    a.staffPerWorkspace * a.staffActiveAtPeak * a.staffRequestsPerMinute + a.customerUsersPerWorkspace * a.customersActiveAtPeak * a.customerRequestsPerMinute;
  const peakRps = (a.workspaces * a.workspacesAtPeak * perUserPerMinute) / 60;
  const cores = (cpuMs: number) => Math.max(1, Math.ceil((peakRps * cpuMs) / 1000 / a.targetCpuUtilisation));
  const appCores = cores(request.appCpuMs);
  const dbCores = cores(request.dbCpuMs);

  const byLimit = {
    cpu: Math.ceil(dbCores / a.coresPerWorker),
    memory: Math.ceil((dataGb * a.hotShare) / a.ramPerWorkerGb),
    disk: Math.ceil(dataGb / a.diskPerWorkerGb),
    minimum: 2,
  };
  const [workersBy, workers] = (Object.entries(byLimit) as [CapacityEstimate['workersBy'], number][]).reduce((best, next) => (next[1] > best[1] ? next : best));
  // At least two shards a worker (so a worker added later takes whole shards), a multiple of the workers (even spread).
  const shards = roundUpTo(Math.max(a.minShards, Math.ceil(dataGb / a.shardTargetGb), 2 * workers), workers);

  const formulas = [
    `rows(table) = rows per unit × units; units: workspaces ${a.workspaces.toLocaleString('en')}, accounts ${units.account.toLocaleString('en')} (${a.accountsPerProject} per project), projects ${projects.toLocaleString('en')} (${a.projectsPerWorkspace.toLocaleString('en')} per workspace)`,
    `data = Σ rows(table) × bytes per row(table) = ${round(dataGb)} GB (${Math.round(bytes / projects).toLocaleString('en')} bytes per project)`,
    `peak req/s = workspaces × ${a.workspacesAtPeak} at peak × (${a.staffPerWorkspace} staff × ${a.staffActiveAtPeak} active × ${a.staffRequestsPerMinute}/min + ` +
      `${a.customerUsersPerWorkspace} customer users × ${a.customersActiveAtPeak} active × ${a.customerRequestsPerMinute}/min) / 60 = ${Math.round(peakRps).toLocaleString('en')}`,
    `app cores = ⌈peak req/s × ${round(request.appCpuMs, 2)} ms / 1000 / ${a.targetCpuUtilisation}⌉ = ${appCores}; ` +
      `PostgreSQL cores = ⌈peak req/s × ${round(request.dbCpuMs, 2)} ms / 1000 / ${a.targetCpuUtilisation}⌉ = ${dbCores}`,
    `workers = max(cpu ⌈${dbCores} / ${a.coresPerWorker}⌉ = ${byLimit.cpu}, memory ⌈${round(dataGb)} GB × ${a.hotShare} hot / ${a.ramPerWorkerGb} GB⌉ = ${byLimit.memory}, ` +
      `disk ⌈${round(dataGb)} GB / ${a.diskPerWorkerGb} GB⌉ = ${byLimit.disk}, 2) = ${workers} (${workersBy})`,
    `shards = max(${a.minShards}, ⌈${round(dataGb)} GB / ${a.shardTargetGb} GB⌉ = ${Math.ceil(dataGb / a.shardTargetGb)}, 2 × ${workers} workers) rounded up to a multiple of ${workers} = ${shards}`,
  ];
  return {
    tables: estimates,
    rowsTotal,
    dataGb: round(dataGb),
    perProjectBytes: Math.round(bytes / projects),
    peakRps: Math.round(peakRps),
    appCores,
    dbCores,
    workers,
    workersBy,
    shards,
    formulas,
  };
}
