import { z } from 'zod';
import { HEX_COLOR } from '../core/charts/contrast.ts';
import { MILESTONE_KINDS } from '../core/playbooks/definition.ts';
import { FormAnswer, FormField, Health, TaskStatus } from './projects.ts';

const uuid = z.uuid({ message: 'must be an id (a UUID)' });
const Token = z.string().min(20, 'is not a whole link: copy it again from the email').max(200);

export const ProjectParams = z.object({ projectId: uuid });
export const TaskParams = z.object({ projectId: uuid, taskId: uuid });
export const FileParams = z.object({ projectId: uuid, fileId: uuid });
export const ContactParams = z.object({ id: uuid, contactId: uuid });
export const TokenParams = z.object({ token: Token });

export const Branding = z.object({
  workspaceName: z.string(),
  brandColor: z.string(),
  /** The text colour that reads on the brand colour. */
  brandTextColor: z.string(),
  logoUrl: z.string().nullable(),
  welcomeMessage: z.string().nullable(),
});
export type Branding = z.infer<typeof Branding>;

export const FormDefinition = z.object({ fields: z.array(FormField).max(50).nullable() });
export type FormDefinition = z.infer<typeof FormDefinition>;

/** The vendor submits a deliverable for the customer's sign-off, with a note the customer reads. */
export const SignOffRequestInput = z.object({ note: z.string().trim().max(2000).optional() });
export const SignOffState = z.enum(['none', 'not_ready', 'waiting', 'approved', 'rejected']);
export type SignOffState = z.infer<typeof SignOffState>;

/** A deliverable's sign-off from the staff side: where it stands, when it was submitted and what the customer said. */
export const SignOff = z.object({
  state: SignOffState,
  requests: z.array(z.object({ by: z.string(), note: z.string().nullable(), at: z.string() })),
  decisions: z.array(
    z.object({ decision: z.enum(['approved', 'rejected']), signedName: z.string(), signerEmail: z.string().nullable(), comment: z.string().nullable(), at: z.string() }),
  ),
});
export type SignOff = z.infer<typeof SignOff>;
export const FormAnswersInput = z.object({ answers: z.record(z.string(), FormAnswer) });
export const FormAnswersSaved = z.object({ answers: z.record(z.string(), FormAnswer), answeredBy: z.string(), answeredAt: z.string() });
export type FormAnswersSaved = z.infer<typeof FormAnswersSaved>;

export const PortalFile = z.object({
  id: uuid,
  fileName: z.string(),
  size: z.number().int(),
  fieldKey: z.string().nullable(),
  uploadedBy: z.string(),
  at: z.string(),
  url: z.string(),
});
export type PortalFile = z.infer<typeof PortalFile>;

export const Approval = z.object({
  decision: z.enum(['approved', 'rejected']),
  signedName: z.string(),
  comment: z.string().nullable(),
  at: z.string(),
});
export type Approval = z.infer<typeof Approval>;

export const PortalComment = z.object({ id: uuid, authorName: z.string(), fromCustomer: z.boolean(), body: z.string(), at: z.string() });
export type PortalComment = z.infer<typeof PortalComment>;

export const PortalTask = z.object({
  id: uuid,
  title: z.string(),
  description: z.string().nullable(),
  stage: z.string(),
  side: z.enum(['vendor', 'customer']),
  ownerName: z.string(),
  mine: z.boolean(),
  status: TaskStatus,
  stuckReason: z.string().nullable(),
  plannedFinish: z.string().nullable(),
  projectedStart: z.string().nullable(),
  projectedFinish: z.string().nullable(),
  actualFinish: z.string().nullable(),
  late: z.boolean(),
  milestoneKind: z.enum(MILESTONE_KINDS).nullable(),
  deliverable: z.boolean(),
  needsApproval: z.boolean(),
  /** Where the customer's sign-off stands: asked for only once the work is done or submitted (core/portal/sign-off.ts). */
  signOff: SignOffState,
  approval: Approval.nullable(),
  form: z
    .object({ fields: z.array(FormField), answers: z.record(z.string(), FormAnswer), answeredBy: z.string().nullable(), answeredAt: z.string().nullable() })
    .nullable(),
  files: z.array(PortalFile),
  comments: z.array(PortalComment),
});
export type PortalTask = z.infer<typeof PortalTask>;

export const PortalProject = z.object({
  id: uuid,
  name: z.string(),
  accountName: z.string(),
  today: z.string(),
  day0: z.string(),
  health: Health,
  projectedGoLive: z.string().nullable(),
  onboardingManager: z.string().nullable(),
  branding: Branding,
  allowColleagueInvites: z.boolean(),
  preview: z.boolean(),
  /** The signed-in contact's name as on record: the name a sign-off must carry. */
  yourName: z.string(),
  stages: z.array(z.object({ key: z.string(), name: z.string(), taskIds: z.array(uuid) })),
  /** Open tasks assigned to the signed-in contact, soonest first. */
  yourTaskIds: z.array(uuid),
  /** Other open customer tasks (the rest of their team's). */
  teamTaskIds: z.array(uuid),
  tasks: z.array(PortalTask),
  milestones: z.array(
    z.object({
      taskId: uuid,
      kind: z.enum(MILESTONE_KINDS),
      title: z.string(),
      planned: z.string().nullable(),
      projected: z.string().nullable(),
      reachedOn: z.string().nullable(),
      myRating: z.object({ score: z.number().int(), comment: z.string().nullable() }).nullable(),
    }),
  ),
  /** Vendor people on the project, who can be @mentioned. */
  people: z.array(z.object({ id: uuid, name: z.string() })),
});
export type PortalProject = z.infer<typeof PortalProject>;

export const PortalMe = z.object({
  contact: z.object({ id: uuid, name: z.string(), email: z.string() }),
  preview: z.boolean(),
  branding: Branding,
  projects: z.array(z.object({ id: uuid, name: z.string() })),
  csrfToken: z.string(),
});
export type PortalMe = z.infer<typeof PortalMe>;

export const Invitation = z.object({
  workspaceName: z.string(),
  projectName: z.string(),
  contactName: z.string(),
  email: z.string(),
  invitedBy: z.string(),
  branding: Branding,
});
export type Invitation = z.infer<typeof Invitation>;

export const SignInLinkInfo = z.object({ branding: Branding });
export type SignInLinkInfo = z.infer<typeof SignInLinkInfo>;

export const EmailLinkInput = z.object({ email: z.email({ message: 'must be an email address' }).max(320) });
export const SignInInput = z.object({ token: Token });
export const CodeInput = z.object({
  code: z.string().regex(/^\d{6}$/, 'is the 6 digits from the email'),
  inviteToken: Token.optional(),
  email: z.email({ message: 'must be an email address' }).max(320).optional(),
});
export const SignedIn = z.object({ redirectTo: z.string() });
export type SignedIn = z.infer<typeof SignedIn>;
/** Where a fresh sign-in link was sent (the invited address). */
export const LinkSent = z.object({ sentTo: z.string() });
export type LinkSent = z.infer<typeof LinkSent>;
export const Message = z.object({ message: z.string() });
export type Message = z.infer<typeof Message>;

export const StatusInput = z.object({
  status: z.enum(['done', 'stuck', 'in_progress']),
  reason: z.string().trim().max(2000).optional(),
});

export const ApprovalInput = z.object({
  decision: z.enum(['approved', 'rejected']),
  signedName: z.string().trim().min(2, 'needs your full name, as the team has it').max(200),
  comment: z.string().trim().max(4000).optional(),
});

export const CommentInput = z.object({ body: z.string().trim().min(1, 'write something first').max(10_000) });
export const CommentOut = PortalComment.extend({ mentioned: z.array(z.string()) });
export type CommentOut = z.infer<typeof CommentOut>;

export const RatingInput = z.object({
  score: z.number().int().min(1, 'is from 1 to 5').max(5, 'is from 1 to 5'),
  comment: z.string().trim().max(4000).optional(),
});
export const RatingOut = z.object({ score: z.number().int(), comment: z.string().nullable() });
export type RatingOut = z.infer<typeof RatingOut>;

export const ColleagueInvited = z.object({ invitedAt: z.string() });
export type ColleagueInvited = z.infer<typeof ColleagueInvited>;

export const ColleagueInput = z.object({
  name: z.string().trim().min(1, 'is required').max(200),
  email: z.email({ message: 'must be an email address' }).max(320),
  title: z.string().trim().max(200).optional(),
});

export const UploadedFile = z.object({
  id: uuid,
  fileName: z.string(),
  size: z.number().int(),
  contentType: z.string(),
  fieldKey: z.string().nullable(),
  uploadedBy: z.string(),
  at: z.string(),
});
export type UploadedFile = z.infer<typeof UploadedFile>;

export const AccessInput = z.object({ contactId: uuid });
export const AccessGranted = z.object({ contactId: uuid, inviteUrl: z.string(), invitedAt: z.string() });
export type AccessGranted = z.infer<typeof AccessGranted>;

export const PortalOverview = z.object({
  contacts: z.array(
    z.object({
      contactId: uuid,
      name: z.string(),
      email: z.string(),
      role: z.string(),
      leftOn: z.string().nullable(),
      access: z
        .object({
          state: z.enum(['invited', 'active', 'invitation_expired', 'revoked']),
          invitedAt: z.string(),
          invitedBy: z.string(),
          lastVisitAt: z.string().nullable(),
          revokedAt: z.string().nullable(),
        })
        .nullable(),
    }),
  ),
  activity: z.array(
    z.object({
      id: uuid,
      at: z.string(),
      actorName: z.string(),
      fromCustomer: z.boolean(),
      kind: z.string(),
      taskId: uuid.nullable(),
      what: z.string(),
      reason: z.string().nullable(),
    }),
  ),
  customerTasks: z.object({ total: z.number().int(), done: z.number().int(), onTime: z.number().int(), late: z.number().int(), overdue: z.number().int() }),
  csat: z.object({
    average: z.number().nullable(),
    answers: z.array(
      z.object({ milestoneTaskId: uuid, milestone: z.string(), contactName: z.string(), score: z.number().int(), comment: z.string().nullable(), at: z.string() }),
    ),
  }),
});
export type PortalOverview = z.infer<typeof PortalOverview>;

export const PortalSettings = z.object({
  /** The workspace's brand colour: the portal, the executive summary and its PDF use it. */
  brandColor: z.string(),
  /** White or near-black, whichever reads better on the brand colour, and its WCAG contrast ratio (4.5 or more reads well). */
  brandTextColor: z.string(),
  brandContrastRatio: z.number(),
  hasLogo: z.boolean(),
  welcomeMessage: z.string().nullable(),
  allowColleagueInvites: z.boolean(),
});
export type PortalSettings = z.infer<typeof PortalSettings>;
export const PortalSettingsInput = z.object({
  brandColor: z
    .string()
    .regex(HEX_COLOR, 'must be a colour written #rrggbb, like #2563eb')
    .optional(),
  welcomeMessage: z.string().trim().max(2000).nullable().optional(),
  allowColleagueInvites: z.boolean().optional(),
});
export type PortalSettingsInput = z.infer<typeof PortalSettingsInput>;
export const PreviewInput = z.object({ contactId: uuid });
