import { Suspense, useEffect, useId, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { MEMBER_ROLE_LABELS } from '../../core/people.ts';
import { initials } from './format.ts';
import { Logo } from './Logo.tsx';
import { useIsAdmin, useSession, useSignOut } from './session.tsx';
import { LoadingState } from '../components/ui/State.tsx';
import { SearchLauncher } from '../features/search/SearchLauncher.tsx';
import { MyWorkNavCount } from '../features/my-work/MyWorkNavCount.tsx';
import './app.css';

/** The signed-in shell: sidebar navigation, the workspace, and the member's menu. */
export function Layout() {
  const { workspace } = useSession();
  const isAdmin = useIsAdmin();
  // On a phone the navigation folds into a menu button; it folds again after each page change.
  const { pathname } = useLocation();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const navOpen = openOn === pathname;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className={`sidebar${navOpen ? ' is-nav-open' : ''}`}>
        <div className="sidebar-brand">
          <Logo size={26} />
          <div className="sidebar-brand-text">
            <span className="sidebar-product">Landfall</span>
            <span className="sidebar-workspace" title={workspace.name}>
              {workspace.name}
            </span>
          </div>
        </div>
        <SearchLauncher />
        <button type="button" className="nav-toggle" aria-expanded={navOpen} aria-controls="main-nav" onClick={() => setOpenOn(navOpen ? null : pathname)}>
          <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
            <path d={navOpen ? 'M5 5l10 10M15 5L5 15' : 'M3 5h14M3 10h14M3 15h14'} stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
          Menu
        </button>
        <nav className="sidebar-nav" id="main-nav" aria-label="Main">
          <p className="nav-heading">Customers</p>
          <ul>
            <li>
              <NavLink to="/my-work" className="nav-link">
                <NavIcon d="M4 10l4 4 8-9M3 17h14" />
                My work
                <MyWorkNavCount />
              </NavLink>
            </li>
            <li>
              <NavLink to="/" end className="nav-link">
                <NavIcon d="M3 17V9M8 17V4M13 17v-6M18 17V7" />
                Dashboard
              </NavLink>
            </li>
            <li>
              <NavLink to="/accounts" className="nav-link">
                <NavIcon d="M3 17V7l7-4 7 4v10M7 17v-5h6v5" />
                Accounts
              </NavLink>
            </li>
            <li>
              <NavLink to="/projects" className="nav-link">
                <NavIcon d="M3 5h6M3 10h10M3 15h4M11 5h6M15 10h2M9 15h8" />
                Projects
              </NavLink>
            </li>
            <li>
              <NavLink to="/playbooks" className="nav-link">
                <NavIcon d="M4 3h9l3 3v11H4zM13 3v3h3M7 9h6M7 12h6M7 15h4" />
                Playbooks
              </NavLink>
            </li>
            <li>
              <NavLink to="/cadences" className="nav-link">
                <NavIcon d="M3 5h14M3 10h9M3 15h5M15 12v6M12 15h6" />
                Cadences
              </NavLink>
            </li>
            <li>
              <NavLink to="/journeys" className="nav-link">
                <NavIcon d="M4 16c3 0 3-6 6-6s3 6 6 6M4 4h3M13 4h3" />
                Journeys
              </NavLink>
            </li>
            <li>
              <NavLink to="/journey" className="nav-link">
                <NavIcon d="M3 15l4-6 4 3 6-8" />
                Journey map
              </NavLink>
            </li>
            <li>
              <NavLink to="/academy" className="nav-link">
                <NavIcon d="M2 8l8-4 8 4-8 4zM5 9.5V14c0 1.5 2.5 2.5 5 2.5s5-1 5-2.5V9.5M18 8v5" />
                Academy
              </NavLink>
            </li>
            <li>
              <NavLink to="/mail" className="nav-link">
                <NavIcon d="M3 5h14v10H3zM3 5l7 6 7-6" />
                Mail
              </NavLink>
            </li>
          </ul>
          <p className="nav-heading">Settings</p>
          <ul>
            <li>
              <NavLink to="/settings/workspace" className="nav-link">
                <NavIcon d="M10 12.5a2.5 2.5 0 100-5 2.5 2.5 0 000 5zM10 2.5v2M10 15.5v2M17.5 10h-2M4.5 10h-2M15.3 4.7l-1.4 1.4M6.1 13.9l-1.4 1.4M15.3 15.3l-1.4-1.4M6.1 6.1L4.7 4.7" />
                Workspace
              </NavLink>
            </li>
            <li>
              <NavLink to="/settings/members" className="nav-link">
                <NavIcon d="M7.5 9a3 3 0 100-6 3 3 0 000 6zM2 17c0-3 2.5-5 5.5-5s5.5 2 5.5 5M13.5 3.2a3 3 0 010 5.6M15.5 12.3c1.5.7 2.5 2.3 2.5 4.7" />
                Members
              </NavLink>
            </li>
            {isAdmin && (
              <li>
                <NavLink to="/settings/api-tokens" className="nav-link">
                  <NavIcon d="M12.5 7.5a3.5 3.5 0 11-7 0 3.5 3.5 0 017 0zM11.5 10.5L17 16M14.5 13.5l1.5-1.5M16 15l1.5-1.5" />
                  API tokens
                </NavLink>
              </li>
            )}
            {isAdmin && (
              <li>
                <NavLink to="/settings/webhooks" className="nav-link">
                  <NavIcon d="M4 14a3 3 0 104 2.8M10 5.5a3 3 0 10-3.5 2.9L9 13M16 14a3 3 0 10-2.8-4H8" />
                  Webhooks
                </NavLink>
              </li>
            )}
            {isAdmin && (
              <li>
                <NavLink to="/settings/audit-log" className="nav-link">
                  <NavIcon d="M5 2.5h7l3 3v12H5zM8 9h5M8 12h5M8 15h3" />
                  Audit log
                </NavLink>
              </li>
            )}
            {isAdmin && (
              <li>
                <NavLink to="/settings/sso" className="nav-link">
                  <NavIcon d="M10 2l6 2.5v5c0 3.8-2.6 6.8-6 8-3.4-1.2-6-4.2-6-8v-5L10 2zM7.5 10l2 2 3.5-4" />
                  Single sign-on
                </NavLink>
              </li>
            )}
            {isAdmin && (
              <li>
                <NavLink to="/settings/provisioning" className="nav-link">
                  <NavIcon d="M6 6a2.5 2.5 0 105 0 2.5 2.5 0 00-5 0zM2 16c0-2.8 2.5-4.5 6.5-4.5M13 11v6M10 14h6" />
                  Provisioning (SCIM)
                </NavLink>
              </li>
            )}
            <li>
              <NavLink to="/settings/intake" className="nav-link">
                <NavIcon d="M3 10h9M9 6l4 4-4 4M14 3h3v14h-3" />
                CRM intake
              </NavLink>
            </li>
            {isAdmin && (
              <li>
                <NavLink to="/settings/crm-sync" className="nav-link">
                  <NavIcon d="M17 10H8M11 6l-4 4 4 4M6 3H3v14h3" />
                  CRM sync
                </NavLink>
              </li>
            )}
            {isAdmin && (
              <li>
                <NavLink to="/settings/slack" className="nav-link">
                  <NavIcon d="M4 7h12M4 13h12M8 3v14M12 3v14" />
                  Slack
                </NavLink>
              </li>
            )}
            <li>
              <NavLink to="/settings/calendar" className="nav-link">
                <NavIcon d="M3 5h14v12H3zM3 9h14M7 3v4M13 3v4" />
                My calendar
              </NavLink>
            </li>
            <li>
              <NavLink to="/settings/assignment" className="nav-link">
                <NavIcon d="M7 8a3 3 0 1 0 0-.01M2 17c0-3 2-5 5-5s5 2 5 5M13 9h5M15.5 6.5v5" />
                Assignment
              </NavLink>
            </li>
            <li>
              <NavLink to="/settings/escalation" className="nav-link">
                <NavIcon d="M4 17V4M4 4h10l-2 3 2 3H4" />
                Escalation
              </NavLink>
            </li>
            <li>
              <NavLink to="/settings/readiness" className="nav-link">
                <NavIcon d="M4 16V9M8 16V5M12 16v-4M16 16V7" />
                Readiness
              </NavLink>
            </li>
            <li>
              <NavLink to="/settings/portal" className="nav-link">
                <NavIcon d="M3 4h14v12H3zM3 8h14M7 12h6" />
                Customer portal
              </NavLink>
            </li>
            <li>
              <NavLink to="/settings/products" className="nav-link">
                <NavIcon d="M3 6l7-3 7 3v8l-7 3-7-3zM3 6l7 3 7-3M10 9v8" />
                Products
              </NavLink>
            </li>
            <li>
              <NavLink to="/settings/maturity" className="nav-link">
                <NavIcon d="M3 16h3v-4H3zM8.5 16h3V8h-3zM14 16h3V4h-3z" />
                Maturity model
              </NavLink>
            </li>
            <li>
              <NavLink to="/settings/health" className="nav-link">
                <NavIcon d="M2 10h4l2-5 4 10 2-5h4" />
                Health model
              </NavLink>
            </li>
          </ul>
        </nav>
        <UserMenu />
      </aside>
      <main id="main" className="main" tabIndex={-1}>
        <Suspense fallback={<LoadingState />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}

function NavIcon({ d }: { d: string }) {
  return (
    <svg className="nav-icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
      <path d={d} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function UserMenu() {
  const { member } = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const menuId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('mousedown', onPointer);
    document.addEventListener('keydown', onKey);
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    return () => {
      document.removeEventListener('mousedown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="user-menu" ref={ref}>
      {open && (
        <div className="menu" id={menuId} role="menu" aria-label="Account menu">
          <div className="menu-header">
            <span className="menu-name">{member.name}</span>
            <span className="menu-email">{member.email}</span>
          </div>
          <button
            type="button"
            role="menuitem"
            className="menu-item"
            disabled={signingOut}
            onClick={async () => {
              setSigningOut(true);
              try {
                await signOut();
              } finally {
                void navigate('/', { replace: true });
              }
            }}
          >
            {signingOut ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      )}
      <button
        ref={buttonRef}
        type="button"
        className="user-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="avatar" aria-hidden="true">
          {initials(member.name)}
        </span>
        <span className="user-text">
          <span className="user-name">{member.name}</span>
          <span className="user-role">{MEMBER_ROLE_LABELS[member.role]}</span>
        </span>
        <svg viewBox="0 0 20 20" width="14" height="14" aria-hidden="true" className="user-chevron">
          <path d="M6 8l4-4 4 4M6 12l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
      </button>
    </div>
  );
}
