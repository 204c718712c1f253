import { NavLink, Outlet } from 'react-router';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import './academy.css';

const SECTIONS = [
  { to: '/academy/courses', label: 'Courses' },
  { to: '/academy/paths', label: 'Learning paths' },
  { to: '/academy/rules', label: 'Enrolment rules' },
  { to: '/academy/enrolments', label: 'Enrolments' },
  { to: '/academy/reports', label: 'Rates' },
  { to: '/academy/webinars', label: 'Webinars' },
  { to: '/academy/releases', label: 'Releases' },
];

/** The academy's pages share a header and a row of sections (it wraps on a phone). */
export function AcademyLayout() {
  return (
    <div className="page academy">
      <PageHeader title="Academy" description="Courses, learning paths by role, webinars and certificates, played in the customer portal." />
      <nav className="academy-nav" aria-label="Academy">
        {SECTIONS.map((section) => (
          <NavLink key={section.to} to={section.to} className="academy-nav-link">
            {section.label}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </div>
  );
}

/** A share as a bar in CSS (no chart library in the app): the figure is in the text beside it for screen readers. */
export function Bar({ value, label }: { value: number; label?: string }) {
  const percent = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <span className="academy-bar-row">
      <span className="academy-bar" aria-hidden="true">
        <span className="academy-bar-fill" style={{ width: `${percent}%` }} />
      </span>
      <span className="academy-bar-label">{label ?? `${percent}%`}</span>
    </span>
  );
}

export const pct = (rate: number) => Math.round(rate <= 1 ? rate * 100 : rate);
export const shortDate = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' }) : '—');
