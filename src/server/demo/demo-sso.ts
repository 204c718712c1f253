// Single sign-on in the demo: an Okta connection prepared but left off (there is no Okta to reach from a demo), so
// Settings → Single sign-on shows a believable setup and the demo login keeps working with its password.
import { contextFor, type Services } from '../context.ts';
import { saveSsoSettings } from '../modules/sso/sso.service.ts';

export async function seedDemoSso(services: Services, workspaceId: string, admin: { id: string; name: string }): Promise<void> {
  const ctx = contextFor(services, { kind: 'member', workspaceId, memberId: admin.id, role: 'admin', sessionId: 'demo', name: admin.name });
  await saveSsoSettings(ctx, {
    protocol: 'oidc',
    enabled: false,
    displayName: 'Okta',
    slug: null,
    oidcIssuer: 'https://landfall-demo.okta.com',
    oidcClientId: '0oa8demo4Landfall5d7',
    oidcClientSecret: 'demo-client-secret-not-a-real-one',
    samlIdpEntityId: null,
    samlIdpSsoUrl: null,
    samlIdpCertificate: null,
    allowedDomains: ['landfall.example'],
    jitProvisioning: true,
    defaultRole: 'csm',
    groupsClaim: 'groups',
    roleMappings: [
      { group: 'Landfall Admins', role: 'admin' },
      { group: 'Onboarding', role: 'onboarding_manager' },
      { group: 'Implementation', role: 'implementation_manager' },
      { group: 'Leadership', role: 'leader' },
    ],
    passwordSignIn: true,
  });
}
