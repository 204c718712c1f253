// The people and categories of the onboarding domain (shared/DOMAIN.md), shared by server and web.

export const MEMBER_ROLES = [
  'admin',
  'onboarding_manager',
  'implementation_manager',
  'csm',
  'sales',
  'education',
  'leader',
] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const MEMBER_ROLE_LABELS: Record<MemberRole, string> = {
  admin: 'Admin',
  onboarding_manager: 'Onboarding manager',
  implementation_manager: 'Implementation manager',
  csm: 'CSM',
  sales: 'Sales',
  education: 'Education',
  leader: 'Leader (read-only)',
};

/** Leaders look at the portfolio; they do not change it. */
export const canWrite = (role: MemberRole): boolean => role !== 'leader';

/** The vendor roles that can own an account. */
export const OWNER_ROLES = ['onboarding_manager', 'implementation_manager', 'csm', 'sales'] as const;
export type OwnerRole = (typeof OWNER_ROLES)[number];

export const CONTACT_ROLES = ['champion', 'executive_sponsor', 'project_lead', 'admin', 'super_user', 'end_user'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

export const CONTACT_ROLE_LABELS: Record<ContactRole, string> = {
  champion: 'Champion',
  executive_sponsor: 'Executive sponsor',
  project_lead: 'Project lead',
  admin: 'Admin',
  super_user: 'Super-user',
  end_user: 'End user',
};

export const SEGMENTS = ['enterprise', 'mid_market', 'smb'] as const;
export type Segment = (typeof SEGMENTS)[number];

export const SEGMENT_LABELS: Record<Segment, string> = {
  enterprise: 'Enterprise',
  mid_market: 'Mid-market',
  smb: 'SMB',
};

export const TOUCH_MODELS = ['high', 'medium', 'digital'] as const;
export type TouchModel = (typeof TOUCH_MODELS)[number];

/** The segment decides the touch model unless someone chooses otherwise. */
export const DEFAULT_TOUCH_MODEL: Record<Segment, TouchModel> = {
  enterprise: 'high',
  mid_market: 'medium',
  smb: 'digital',
};

export const TOUCH_MODEL_LABELS: Record<TouchModel, string> = {
  high: 'High touch',
  medium: 'Medium touch',
  digital: 'Digital touch',
};

export const COMPLEXITIES = ['high', 'moderate', 'low'] as const;
export type Complexity = (typeof COMPLEXITIES)[number];

export const LAER_STAGES = ['land', 'adopt', 'expand', 'renew'] as const;
export type LaerStage = (typeof LAER_STAGES)[number];

export const ORGANIZATION_KINDS = ['new_implementation', 'added_users'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, string> = {
  new_implementation: 'New implementation',
  added_users: 'Users added to the existing one',
};
