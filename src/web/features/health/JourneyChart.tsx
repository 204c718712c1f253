// Loaded lazily (recharts is large): touchpoints by importance (customers) and performance.
import { CartesianGrid, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import type { JourneyMap } from './journey.api.ts';

export default function JourneyChart({ touchpoints }: { touchpoints: JourneyMap['touchpoints'] }) {
  const points = touchpoints
    .filter((t) => t.importance !== null && t.performance !== null)
    .map((t) => ({ x: t.performance!, y: t.importance!, name: `${t.title} (${t.stageName})`, verdict: t.verdict }));
  const tone = (verdict: string) => (verdict === 'weak_spot' ? '#dc2626' : verdict === 'moment_of_truth' ? '#16a34a' : '#6b7280');
  return (
    <div role="img" aria-label={`${points.length} touchpoints by importance and performance`}>
      <ResponsiveContainer width="100%" height={280}>
        <ScatterChart margin={{ top: 8, right: 16, bottom: 16, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" dataKey="x" name="Performance" domain={[0, 100]} fontSize={11} label={{ value: 'Performance', position: 'insideBottom', offset: -8, fontSize: 11 }} />
          <YAxis type="number" dataKey="y" name="Importance" domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} fontSize={11} />
          <ZAxis range={[60, 60]} />
          <ReferenceLine x={70} stroke="#9ca3af" />
          <ReferenceLine y={4} stroke="#9ca3af" />
          <Tooltip cursor={{ strokeDasharray: '3 3' }} formatter={(value, name) => [String(value), String(name)]} labelFormatter={() => ''} />
          {['moment_of_truth', 'weak_spot', 'routine'].map((verdict) => (
            <Scatter key={verdict} data={points.filter((p) => p.verdict === verdict)} fill={tone(verdict)} isAnimationActive={false} />
          ))}
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
