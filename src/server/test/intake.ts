// A workspace that receives won deals from a CRM (an API token), with its admin signed in: the start of every
// story that begins at closed-won.
import { createApiToken } from '../modules/api-tokens/api-tokens.service.ts';
import { httpClient, makeWorkspace, signedInClient, type TestEnv } from './harness.ts';

export async function workspaceWithCrm(env: TestEnv) {
  const { admin } = await makeWorkspace(env.services);
  const api = await signedInClient(env, admin);
  const token = await createApiToken(admin.ctx, { name: 'CRM', role: 'onboarding_manager' });
  const crm = httpClient(env.app, { authorization: `Bearer ${token.token}` });
  return { admin, api, crm };
}
