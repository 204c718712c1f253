import { boolean, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { updatedAt } from './columns.ts';
import { workspaces } from './workspaces.ts';

/**
 * A workspace's insight settings: which milestone ends each measure (time to first engagement, live, first value,
 * value), and whether it lends its figures, anonymously, to the installation's benchmark by vendor industry.
 */
export const insightSettings = pgTable('insight_settings', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  /** Measure → milestone kind; a measure missing here takes its default. */
  definitions: jsonb('definitions').$type<Record<string, string>>().notNull().default({}),
  benchmarkOptIn: boolean('benchmark_opt_in').notNull().default(false),
  /** The vendor's own industry, for the benchmark (null until set). */
  vendorIndustry: text('vendor_industry'),
  updatedAt: updatedAt(),
});
