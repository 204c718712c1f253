import {
  COMPLEXITIES,
  LAER_STAGES,
  SEGMENTS,
  SEGMENT_LABELS,
  TOUCH_MODEL_LABELS,
  type Complexity,
  type LaerStage,
  type Segment,
  type TouchModel,
} from '../../../core/people.ts';
import { Badge, type Tone } from '../../components/ui/Badge.tsx';
import './accounts.css';

export const COMPLEXITY_LABELS: Record<Complexity, string> = { high: 'High', moderate: 'Moderate', low: 'Low' };
export const LAER_STAGE_LABELS: Record<LaerStage, string> = { land: 'Land', adopt: 'Adopt', expand: 'Expand', renew: 'Renew' };

const segmentTone: Record<Segment, Tone> = { enterprise: 'purple', mid_market: 'blue', smb: 'teal' };
const stageTone: Record<LaerStage, Tone> = { land: 'amber', adopt: 'blue', expand: 'green', renew: 'purple' };

export const SegmentBadge = ({ segment }: { segment: Segment }) => <Badge tone={segmentTone[segment]}>{SEGMENT_LABELS[segment]}</Badge>;
export const StageBadge = ({ stage }: { stage: LaerStage }) => <Badge tone={stageTone[stage]}>{LAER_STAGE_LABELS[stage]}</Badge>;
export const TouchBadge = ({ touchModel }: { touchModel: TouchModel }) => <Badge>{TOUCH_MODEL_LABELS[touchModel]}</Badge>;

export function ComplexityLevel({ complexity }: { complexity: Complexity }) {
  const level = { low: 1, moderate: 2, high: 3 }[complexity];
  return (
    <span className={`complexity complexity-${complexity}`}>
      <span className="complexity-bars" aria-hidden="true">
        {[1, 2, 3].map((bar) => (
          <span key={bar} className={bar <= level ? 'on' : ''} />
        ))}
      </span>
      {COMPLEXITY_LABELS[complexity]}
    </span>
  );
}

export const segmentOptions = SEGMENTS.map((value) => ({ value, label: SEGMENT_LABELS[value] }));
export const complexityOptions = COMPLEXITIES.map((value) => ({ value, label: COMPLEXITY_LABELS[value] }));
export const stageOptions = LAER_STAGES.map((value) => ({ value, label: LAER_STAGE_LABELS[value] }));
