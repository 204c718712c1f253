// Loaded lazily (recharts is large): the account's health scores over time.
import { Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDate } from '../../app/format.ts';

export interface TrendPoint {
  at: string;
  score: number;
}

export default function HealthTrendChart({ points }: { points: TrendPoint[] }) {
  const data = points.map((p) => ({ day: p.at.slice(0, 10), score: p.score }));
  return (
    <div className="health-trend" role="img" aria-label={`Health trend: ${data.map((d) => `${formatDate(d.day)} ${d.score}`).join(', ')}`}>
      <ResponsiveContainer width="100%" height={140}>
        <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -24 }}>
          <XAxis dataKey="day" tickFormatter={(day: string) => formatDate(day)} fontSize={11} minTickGap={24} />
          <YAxis domain={[0, 100]} fontSize={11} ticks={[0, 40, 70, 100]} />
          <Tooltip labelFormatter={(day) => formatDate(String(day))} formatter={(value) => [String(value), 'Health']} />
          <Line type="monotone" dataKey="score" stroke="var(--color-accent, #2563eb)" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
