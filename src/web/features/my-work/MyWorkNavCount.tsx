import { useMyWork } from './myWork.api.ts';

/** The number beside "My work" in the navigation: what waits on the member. */
export function MyWorkNavCount() {
  const { data } = useMyWork();
  if (!data?.count) return null;
  return (
    <span className="nav-count" aria-label={`${data.count} waiting`}>
      {data.count > 99 ? '99+' : data.count}
    </span>
  );
}
