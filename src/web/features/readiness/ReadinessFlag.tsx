import { Link } from 'react-router';
import { Badge } from '../../components/ui/Badge.tsx';
import { useProjectReadiness } from './readiness.api.ts';

/** In the project's header: the readiness risk or the gate holding the project, linking to the Readiness tab. */
export function ReadinessFlag({ projectId }: { projectId: string }) {
  const readiness = useProjectReadiness(projectId);
  const data = readiness.data;
  if (!data || (!data.risk && data.gate.passes)) return null;
  return (
    <Link className="meta-text" to={`/projects/${projectId}?tab=readiness`}>
      Readiness {data.risk && <Badge tone="red">not ready</Badge>} {!data.gate.passes && <Badge tone="amber">held in Mobilization</Badge>}
    </Link>
  );
}
