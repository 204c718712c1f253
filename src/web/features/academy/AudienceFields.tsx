import type { Audience } from '../../../contract/academy.ts';
import { CONTACT_ROLE_LABELS, CONTACT_ROLES, LAER_STAGES, SEGMENT_LABELS, SEGMENTS } from '../../../core/people.ts';
import { TextField } from '../../components/ui/Field.tsx';

export const EMPTY_AUDIENCE: Audience = { roles: [], segments: [], products: [], modules: [], organizationIds: [], stages: [] };
const STAGE_LABELS: Record<(typeof LAER_STAGES)[number], string> = { land: 'Land', adopt: 'Adopt', expand: 'Expand', renew: 'Renew' };

function Checks<T extends string>({ legend, values, labels, chosen, onChange }: { legend: string; values: readonly T[]; labels: Record<T, string>; chosen: T[]; onChange: (next: T[]) => void }) {
  return (
    <fieldset className="academy-checks">
      <legend>{legend}</legend>
      {values.map((value) => (
        <label key={value}>
          <input type="checkbox" checked={chosen.includes(value)} onChange={(e) => onChange(e.target.checked ? [...chosen, value] : chosen.filter((v) => v !== value))} />
          {labels[value]}
        </label>
      ))}
    </fieldset>
  );
}

/** Who a path, rule or webinar is for: every facet given must match; a facet left empty matches anyone. */
export function AudienceFields({ audience, onChange }: { audience: Audience; onChange: (next: Audience) => void }) {
  const list = (text: string) => text.split(',').map((w) => w.trim()).filter(Boolean);
  return (
    <div className="stack">
      <Checks legend="Roles" values={CONTACT_ROLES} labels={CONTACT_ROLE_LABELS} chosen={audience.roles} onChange={(roles) => onChange({ ...audience, roles })} />
      <Checks legend="Segments" values={SEGMENTS} labels={SEGMENT_LABELS} chosen={audience.segments} onChange={(segments) => onChange({ ...audience, segments })} />
      <Checks legend="Maturity stage" values={LAER_STAGES} labels={STAGE_LABELS} chosen={audience.stages} onChange={(stages) => onChange({ ...audience, stages })} />
      <div className="academy-row">
        <TextField label="Products" optional hint="Separated by commas" defaultValue={audience.products.join(', ')} onBlur={(e) => onChange({ ...audience, products: list(e.target.value) })} />
        <TextField label="Modules used" optional hint="Separated by commas" defaultValue={audience.modules.join(', ')} onBlur={(e) => onChange({ ...audience, modules: list(e.target.value) })} />
      </div>
    </div>
  );
}

export function audienceText(audience: Audience): string {
  const parts = [
    audience.roles.map((r) => CONTACT_ROLE_LABELS[r]).join(' or '),
    audience.segments.map((s) => SEGMENT_LABELS[s]).join(' or '),
    audience.stages.map((s) => STAGE_LABELS[s]).join(' or '),
    audience.products.length ? `product ${audience.products.join(' or ')}` : '',
    audience.modules.length ? `using ${audience.modules.join(' or ')}` : '',
    audience.organizationIds.length ? `${audience.organizationIds.length} organization(s)` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'Everyone';
}
