import { useSearchParams } from 'react-router';
import { COMPLEXITIES, SEGMENTS, SEGMENT_LABELS, TOUCH_MODELS, TOUCH_MODEL_LABELS } from '../../../core/people.ts';

/** The filters of a report, kept in the page's address so a view can be shared and drilled into. */
export const FILTER_KEYS = ['scope', 'segment', 'touchModel', 'industry', 'product', 'complexity', 'playbookId', 'managerId', 'cohortFrom', 'cohortTo'] as const;

export function useFilters(keys: readonly string[]) {
  const [params, setParams] = useSearchParams();
  const values: Record<string, string | undefined> = {};
  for (const key of keys) values[key] = params.get(key) ?? undefined;
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return { values, set, params };
}

/** Segment, industry, product, complexity (and touch model when asked) as a row of inputs. */
export function FilterBar({ values, set, touchModel = true }: { values: Record<string, string | undefined>; set: (key: string, value: string | undefined) => void; touchModel?: boolean }) {
  return (
    <div className="insight-filters">
      <label>
        Segment
        <select value={values.segment ?? ''} onChange={(e) => set('segment', e.target.value || undefined)}>
          <option value="">All</option>
          {SEGMENTS.map((s) => (
            <option key={s} value={s}>
              {SEGMENT_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      {touchModel && (
        <label>
          Touch model
          <select value={values.touchModel ?? ''} onChange={(e) => set('touchModel', e.target.value || undefined)}>
            <option value="">All</option>
            {TOUCH_MODELS.map((t) => (
              <option key={t} value={t}>
                {TOUCH_MODEL_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        Complexity
        <select value={values.complexity ?? ''} onChange={(e) => set('complexity', e.target.value || undefined)}>
          <option value="">All</option>
          {COMPLEXITIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label>
        Industry
        <input defaultValue={values.industry ?? ''} placeholder="Any" onBlur={(e) => set('industry', e.target.value.trim() || undefined)} onKeyDown={(e) => e.key === 'Enter' && set('industry', e.currentTarget.value.trim() || undefined)} />
      </label>
      <label>
        Product
        <input defaultValue={values.product ?? ''} placeholder="Any" onBlur={(e) => set('product', e.target.value.trim() || undefined)} onKeyDown={(e) => e.key === 'Enter' && set('product', e.currentTarget.value.trim() || undefined)} />
      </label>
    </div>
  );
}
