import { useBrowserIdle } from '../../app/useBrowserIdle.ts';
import { useMyWork } from './myWork.api.ts';

/**
 * The number beside "My work" in the navigation: what waits on the member. Asked for once the page is shown: on a
 * cold open it is one of the dearer reads, and the server and the browser share the machine's time with the page.
 */
export function MyWorkNavCount() {
  const idle = useBrowserIdle(2000);
  const { data } = useMyWork({ enabled: idle });
  if (!data?.count) return null;
  return (
    <span className="nav-count" aria-label={`${data.count} waiting`}>
      {data.count > 99 ? '99+' : data.count}
    </span>
  );
}
