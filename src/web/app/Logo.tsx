/** The Landfall mark: a horizon with a landing arc. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg className="logo" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="var(--brand)" />
      <path d="M7 21.5h18" stroke="#fff" strokeWidth="2.4" strokeLinecap="round" />
      <path d="M9 17.5c2.5-6 11.5-8 15-3.5" stroke="#fff" strokeWidth="2.4" strokeLinecap="round" fill="none" opacity="0.85" />
      <circle cx="24" cy="14" r="2" fill="#fff" />
    </svg>
  );
}
