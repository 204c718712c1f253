import { NavLink, Route, Routes } from 'react-router';
import { DashboardPage } from './DashboardPage.tsx';
import { CapacityPage } from './CapacityPage.tsx';
import { DayReportPage } from './DayReportPage.tsx';
import { DrillPage } from './DrillPage.tsx';
import { InsightSettingsPage } from './InsightSettingsPage.tsx';
import { TimeToValuePage } from './TimeToValuePage.tsx';
import './insight.css';

const SECTIONS = [
  { to: '/', label: 'Dashboard', end: true },
  { to: '/insight/time-to-value', label: 'Time to value', end: false },
  { to: '/insight/day-report', label: 'Day −60…+60', end: false },
  { to: '/insight/capacity', label: 'Capacity', end: false },
  { to: '/insight/settings', label: 'Definitions', end: false },
];

export function InsightNav() {
  return (
    <nav className="insight-nav" aria-label="Insight">
      {SECTIONS.map((s) => (
        <NavLink key={s.to} to={s.to} end={s.end} className="insight-nav-link">
          {s.label}
        </NavLink>
      ))}
    </nav>
  );
}

/** The dashboard (the home page) and the insight reports under /insight/*; loaded when first opened, with the chart library. */
export function InsightApp() {
  return (
    <>
      <InsightNav />
      <Routes>
        <Route index element={<DashboardPage />} />
        <Route path="time-to-value" element={<TimeToValuePage />} />
        <Route path="day-report" element={<DayReportPage />} />
        <Route path="capacity" element={<CapacityPage />} />
        <Route path="projects" element={<DrillPage />} />
        <Route path="settings" element={<InsightSettingsPage />} />
      </Routes>
    </>
  );
}
