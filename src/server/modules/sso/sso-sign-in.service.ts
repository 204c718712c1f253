// Who the identity provider says signed in becomes a member's session: found by email, or provisioned just in time,
// with the role their groups map to. Everything is written in one transaction with whatever the caller must also
// record (a SAML assertion as used), so a refused sign-in leaves nothing behind.
import type { MemberRole } from '../../../core/people.ts';
import { domainAllowed, roleForGroups, type RoleMapping } from '../../../core/sso/sso.ts';
import { contextFor, systemActor, type Services } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { emit } from '../../events/bus.ts';
import { AppError, conflict, forbidden, unauthenticated } from '../../http/errors.ts';
import { randomToken } from '../../security/secrets.ts';
import { startSession } from '../auth/auth.service.ts';
import { addMember, isMemberEmail, memberWithEmail, updateMember } from '../members/members.service.ts';
import type { OpenConnection } from './sso.service.ts';

export interface Identity {
  email: string | undefined;
  name: string | undefined;
  groups: string[];
}

export async function signInWithIdentity(
  services: Services,
  connection: OpenConnection,
  identity: Identity,
  userAgent: string | undefined,
  alsoInTransaction: (db: Db) => Promise<void> = async () => {},
) {
  const email = identity.email?.trim().toLowerCase();
  if (!email || !email.includes('@')) throw unauthenticated(`${connection.displayName} did not say which email address signed in.`);
  if (!domainAllowed(connection.allowedDomains, email)) {
    throw forbidden(`${email} is not in a domain this workspace accepts from ${connection.displayName} (${connection.allowedDomains.join(', ') || 'none listed'}).`);
  }
  const mapped = roleForGroups(connection.roleMappings as RoleMapping[], identity.groups);
  const workspaceId = connection.workspaceId;
  return services.database.db.transaction(async (tx) => {
    const ctx = { ...contextFor(services, systemActor(workspaceId, 'sso')), db: tx as unknown as Db };
    await alsoInTransaction(ctx.db);
    const existing = await memberWithEmail(ctx, email);
    let member: { id: string; name: string; role: MemberRole };
    if (!existing) {
      if (await isMemberEmail(ctx.db, email)) throw conflict(`${email} is already a member of another Landfall workspace.`);
      if (!connection.jitProvisioning) {
        throw forbidden(`${email} is not a member of this workspace yet: ask an admin to invite you (new people are not added on first sign-in).`);
      }
      const role = mapped ?? (connection.defaultRole as MemberRole);
      // A password no one knows: this member signs in through the identity provider.
      const row = await addMember(ctx.db, workspaceId, { email, name: identity.name?.trim() || email.split('@')[0]!, role, password: randomToken('sso') });
      member = { ...row, role };
    } else {
      member = existing;
    }
    if (existing && mapped && mapped !== existing.role) {
      try {
        member = await updateMember(ctx, existing.id, { role: mapped });
      } catch (error) {
        // The last admin keeps their role whatever the groups say, so the workspace keeps an admin.
        if (!(error instanceof AppError && error.code === 'conflict')) throw error;
      }
    }
    await emit(ctx, 'member.signed_in_via_sso', { memberId: member.id, protocol: connection.protocol, provisioned: !existing, role: member.role });
    return startSession(services, { workspaceId, memberId: member.id, role: member.role, name: member.name }, userAgent, ctx.db);
  });
}
