import type { Services } from '../context.ts';

// Placeholder: being written (demo workspace and the benchmark seed).
export const DEMO_LOGIN = { email: 'demo@landfall.dev', password: 'landfall-demo' };

export async function seedDemoWorkspace(_services: Services): Promise<void> {}

export async function seedAccounts(
  _services: Services,
  options: { accounts: number; progress: boolean },
): Promise<{ accounts: number; workspaceId: string; workspaceName: string; email: string; password: string }> {
  return { accounts: options.accounts, workspaceId: '', workspaceName: '', email: '', password: '' };
}
