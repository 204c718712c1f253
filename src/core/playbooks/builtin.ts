// The playbooks Landfall ships with: high touch for enterprise, medium touch for mid-market, digital touch
// for SMB, each the way experienced onboarding teams run them. Plain data; a workspace copies and edits them.
//
// Each task's content (title, what "done" means, owner, visibility) is written once in TASKS; each
// playbook then lays out its own plan: which tasks, how long, after what. Durations are business days.
import type { ContactRole } from '../people.ts';
import {
  DEFAULT_STAGES,
  type PlaybookDefinition,
  type PlaybookTask,
  type TaskOwner,
  type VendorTaskRole,
} from './definition.ts';

const vendor = (role: VendorTaskRole): TaskOwner => ({ side: 'vendor', role });
const customer = (role: ContactRole): TaskOwner => ({ side: 'customer', role });

type TaskContent = Omit<PlaybookTask, 'key' | 'durationDays' | 'startOffsetDays' | 'dependsOn'>;

const TASKS = {
  // ---- Mobilization ----
  sales_handoff: {
    title: 'Sales hand-off',
    description:
      'Done when the onboarding manager has heard, from the account executive, why the customer bought, what they were promised and who matters, and the hand-off notes are in Landfall.',
    stage: 'mobilization',
    owner: vendor('sales'),
    customerVisible: false,
    checklist: [
      'Why they bought and the business drivers',
      'Their definition of success, in their words',
      'Promises made during the sale (features, dates, discounts)',
      'Stakeholders: sponsor, champion, project lead, blockers',
      'Known risks and open commercial points',
    ],
  },
  internal_kickoff: {
    title: 'Internal kickoff',
    description:
      'Done when the onboarding team is named, has read the hand-off, and agrees on the plan, the risks and who talks to whom at the customer.',
    stage: 'mobilization',
    owner: vendor('onboarding_manager'),
    customerVisible: false,
    checklist: ['Onboarding manager and implementation lead assigned', 'Hand-off notes reviewed', 'Playbook adjusted to what was sold'],
  },
  customer_research: {
    title: 'Customer research',
    description:
      'Done when the team knows the customer before meeting them: their business, industry, org chart, tools they use today and any past history with us.',
    stage: 'mobilization',
    owner: vendor('onboarding_manager'),
    customerVisible: false,
    checklist: ['Company, industry and recent news', 'Org chart of the people on the project', 'Current tools and what we replace or connect to'],
  },
  readiness_questionnaire: {
    title: 'Complete the readiness questionnaire',
    description:
      'Done when the customer has answered the readiness questions: the right people, processes and technology to succeed, with names against each.',
    stage: 'mobilization',
    owner: customer('project_lead'),
    customerVisible: true,
  },
  readiness_review: {
    title: 'Score readiness and flag risks',
    description:
      'Done when the readiness answers are scored, every low score has a mitigation and an owner, and a score below the gate has been raised with the sponsor before work starts.',
    stage: 'mobilization',
    owner: vendor('onboarding_manager'),
    customerVisible: false,
  },
  welcome_call: {
    title: 'Welcome call with the champion',
    description:
      'Done when the onboarding manager has introduced themselves to the champion, confirmed the goals from the hand-off and booked the kickoff.',
    stage: 'mobilization',
    owner: vendor('onboarding_manager'),
    customerVisible: true,
  },
  first_engagement: {
    title: 'First engagement',
    description: 'Reached at the first real conversation with the customer after signature.',
    stage: 'mobilization',
    owner: vendor('onboarding_manager'),
    milestoneKind: 'first_engagement',
    customerVisible: true,
  },
  kickoff_attendees: {
    title: 'Confirm kickoff attendees and agenda',
    description: 'Done when the executive sponsor, project lead and the future admins have accepted the kickoff invitation.',
    stage: 'mobilization',
    owner: customer('champion'),
    customerVisible: true,
  },
  kickoff_meeting: {
    title: 'Kickoff meeting',
    description:
      'Held with both teams: goals, scope, plan and dates, roles on each side, how decisions are made and how we escalate.',
    stage: 'mobilization',
    owner: vendor('onboarding_manager'),
    milestoneKind: 'kickoff',
    customerVisible: true,
    checklist: ['Goals and scope agreed', 'Plan and key dates walked through', 'Roles and escalation path on both sides', 'Next meetings booked'],
  },
  success_metrics: {
    title: 'Confirm success metrics and baselines',
    description:
      'Done when the sponsor has named the outcomes that matter, each with a measurable metric, today\'s baseline and a target.',
    stage: 'mobilization',
    owner: customer('executive_sponsor'),
    customerVisible: true,
  },
  mutual_success_plan: {
    title: 'Mutual success plan',
    description:
      'Done when the plan (goals, outcomes, metrics with baseline and target, owners, dates) is written with the customer and approved by them.',
    stage: 'mobilization',
    owner: vendor('onboarding_manager'),
    deliverable: true,
    needsApproval: true,
    customerVisible: true,
  },
  communication_cadence: {
    title: 'Agree the communication cadence',
    description: 'Done when both sides know the standing meetings, the status report and its day, and the channel for urgent issues.',
    stage: 'mobilization',
    owner: vendor('onboarding_manager'),
    customerVisible: true,
    checklist: ['Weekly project call booked', 'Status report format and day', 'Steering meetings with the sponsor', 'Escalation channel'],
  },
  nominate_team: {
    title: 'Nominate admins and the project team',
    description: 'Done when the customer has named their admins, subject-matter experts and testers, and freed their time for the project.',
    stage: 'mobilization',
    owner: customer('project_lead'),
    customerVisible: true,
  },

  // ---- Design ----
  discovery_workshops: {
    title: 'Discovery workshops',
    description: 'Done when today\'s processes, data and systems are mapped with the customer\'s experts, and the gaps are listed.',
    stage: 'design',
    owner: vendor('implementation_manager'),
    customerVisible: true,
  },
  security_questionnaire: {
    title: 'Answer the security questionnaire',
    description: 'Done when the customer\'s security questionnaire is answered and our certifications and policies are shared.',
    stage: 'design',
    owner: vendor('implementation_manager'),
    customerVisible: true,
  },
  security_review: {
    title: 'Security review sign-off',
    description: 'Done when the customer\'s security team has approved us to connect to their systems and hold their data.',
    stage: 'design',
    owner: customer('admin'),
    customerVisible: true,
  },
  solution_design: {
    title: 'Solution design',
    description:
      'Done when the design (configuration, integrations, data to migrate, roles and permissions) is written up and approved by the customer.',
    stage: 'design',
    owner: vendor('implementation_manager'),
    deliverable: true,
    needsApproval: true,
    customerVisible: true,
  },
  training_plan: {
    title: 'Training plan',
    description: 'Done when every group of users has a learning path, a format (live or self-paced) and dates.',
    stage: 'design',
    owner: vendor('education'),
    deliverable: true,
    customerVisible: true,
  },
  data_extracts: {
    title: 'Provide data extracts',
    description: 'Done when the customer has sent the extracts named in the solution design, in the agreed format, with a data owner to answer questions.',
    stage: 'design',
    owner: customer('admin'),
    customerVisible: true,
  },
  integration: {
    title: 'Build and test the integrations',
    description: 'Done when each integration in the design runs against the customer\'s test systems and its errors are handled.',
    stage: 'design',
    owner: vendor('implementation_manager'),
    customerVisible: true,
  },
  data_migration: {
    title: 'Migrate data',
    description: 'Done when the data is loaded, reconciled against the source, and the customer has checked a sample.',
    stage: 'design',
    owner: vendor('implementation_manager'),
    customerVisible: true,
    checklist: ['Trial load', 'Reconciliation report', 'Customer spot-check', 'Final load'],
  },
  configuration: {
    title: 'Configure the workspace',
    description: 'Done when the workspace is set up as designed: users and roles, fields, workflows and standard connectors.',
    stage: 'design',
    owner: vendor('implementation_manager'),
    customerVisible: true,
  },
  data_import: {
    title: 'Import your data',
    description: 'Done when the customer has loaded their data with our import templates and checked that it looks right.',
    stage: 'design',
    owner: customer('admin'),
    customerVisible: true,
  },
  admin_training: {
    title: 'Admin training',
    description: 'Done when the customer\'s admins can manage users, permissions and configuration on their own.',
    stage: 'design',
    owner: vendor('education'),
    customerVisible: true,
  },

  // ---- Launch ----
  train_the_trainer: {
    title: 'Train the trainers',
    description: 'Done when the customer\'s super-users have taken the train-the-trainer course and can teach their own teams.',
    stage: 'launch',
    owner: vendor('education'),
    customerVisible: true,
  },
  uat: {
    title: 'User acceptance testing',
    description: 'Done when the customer\'s testers have run the agreed scenarios and every blocking issue is fixed or accepted.',
    stage: 'launch',
    owner: customer('project_lead'),
    customerVisible: true,
    checklist: ['Test scenarios agreed', 'Scenarios run by the customer\'s testers', 'Blocking issues fixed and retested'],
  },
  uat_signoff: {
    title: 'Sign off UAT',
    description: 'Done when the customer has signed off testing and agreed the go-live date.',
    stage: 'launch',
    owner: customer('executive_sponsor'),
    customerVisible: true,
  },
  go_no_go: {
    title: 'Go/no-go check',
    description: 'Done when cut-over steps, rollback plan, support hand-over and user communications are all ready, and both sides say go.',
    stage: 'launch',
    owner: vendor('onboarding_manager'),
    customerVisible: true,
  },
  go_live: {
    title: 'Go-live',
    description: 'Reached when the customer uses the product in production for real work.',
    stage: 'launch',
    owner: vendor('onboarding_manager'),
    milestoneKind: 'go_live',
    customerVisible: true,
  },
  hypercare: {
    title: 'Hypercare',
    description: 'Done when the issues found during deployment are fixed and the daily check-ins can stop.',
    stage: 'launch',
    owner: vendor('implementation_manager'),
    customerVisible: true,
  },
  end_user_enrolment: {
    title: 'Enrol end users in their learning paths',
    description: 'Done when every end user is enrolled in the learning path for their role.',
    stage: 'launch',
    owner: vendor('education'),
    customerVisible: true,
  },
  end_user_rollout: {
    title: 'Roll out to end users',
    description: 'Done when every team in scope has been announced, trained and has signed in.',
    stage: 'launch',
    owner: customer('champion'),
    customerVisible: true,
  },

  // ---- Adoption ----
  adoption_check: {
    title: 'Adoption check',
    description: 'Done when usage has been reviewed by team and role, and the teams that are behind have a plan to catch up.',
    stage: 'adoption',
    owner: vendor('onboarding_manager'),
    customerVisible: false,
  },
  first_value: {
    title: 'First value review',
    description: 'Reached when the customer recognises the first outcome of the success plan, in a review with the onboarding manager.',
    stage: 'adoption',
    owner: vendor('onboarding_manager'),
    milestoneKind: 'first_value',
    customerVisible: true,
  },

  // ---- Value creation ----
  outcome_actuals: {
    title: 'Report actuals for the success metrics',
    description: 'Done when the customer has measured each success metric against its baseline and shared the figures.',
    stage: 'value_creation',
    owner: customer('champion'),
    customerVisible: true,
  },
  executive_business_review: {
    title: 'Executive business review',
    description: 'Done when the sponsor has seen the outcome scorecard, confirmed the outcomes reached, and agreed the next goals with the CSM.',
    stage: 'value_creation',
    owner: vendor('onboarding_manager'),
    deliverable: true,
    customerVisible: true,
  },
  value_achieved: {
    title: 'Value achieved',
    description: 'Reached when the customer confirms the success plan\'s outcomes.',
    stage: 'value_creation',
    owner: vendor('onboarding_manager'),
    milestoneKind: 'value_achieved',
    customerVisible: true,
  },
  csm_handover: {
    title: 'Hand over to the CSM',
    description:
      'Done when the CSM has the success plan, the open issues, the people and the history, and has been introduced to the customer.',
    stage: 'value_creation',
    owner: vendor('onboarding_manager'),
    customerVisible: true,
  },
  onboarding_complete: {
    title: 'Onboarding complete',
    description: 'Reached when value is confirmed and the CSM owns the account.',
    stage: 'value_creation',
    owner: vendor('onboarding_manager'),
    milestoneKind: 'onboarding_complete',
    customerVisible: true,
  },

  // ---- Digital touch: the customer drives, the vendor watches and nudges ----
  welcome_email: {
    title: 'Send the welcome email',
    description: 'Done when the welcome email from our Chief Customer Officer, with the sign-in link and the first steps, has gone out.',
    stage: 'mobilization',
    owner: vendor('onboarding_manager'),
    customerVisible: true,
    completesOn: 'cadence.welcome_sent',
  },
  journey_enrolment: {
    title: 'Internal kickoff: enrol in the digital journey',
    description: 'Done when the account is in the email journey for its product and goal, and the pooled onboarding team can see it.',
    stage: 'mobilization',
    owner: vendor('onboarding_manager'),
    customerVisible: false,
  },
  readiness_check: {
    title: 'Answer the readiness check',
    description: 'Done when the customer has answered the five readiness questions in the portal.',
    stage: 'mobilization',
    owner: customer('admin'),
    customerVisible: true,
  },
  first_sign_in: {
    title: 'Sign in and create your workspace',
    description: 'Done when your admin has signed in for the first time and named the workspace.',
    stage: 'mobilization',
    owner: customer('admin'),
    customerVisible: true,
  },
  kickoff_webinar: {
    title: 'Kickoff webinar',
    description: 'The weekly live kickoff for new customers: what good looks like in 60 days, and where to get help.',
    stage: 'mobilization',
    owner: vendor('onboarding_manager'),
    milestoneKind: 'kickoff',
    customerVisible: true,
  },
  starter_success_plan: {
    title: 'Starter success plan',
    description: 'Done when the customer has approved a success plan built from the goals they picked at sign-up.',
    stage: 'mobilization',
    owner: vendor('onboarding_manager'),
    deliverable: true,
    needsApproval: true,
    customerVisible: true,
  },
  choose_goals: {
    title: 'Confirm your success metrics',
    description: 'Done when you have picked the outcomes you want from the list and told us where you stand today.',
    stage: 'mobilization',
    owner: customer('champion'),
    customerVisible: true,
  },
  contact_preferences: {
    title: 'Choose how we keep in touch',
    description: 'Done when you have picked who receives our emails and webinar invitations, and how often.',
    stage: 'mobilization',
    owner: customer('champion'),
    customerVisible: true,
  },
  setup_checklist: {
    title: 'Complete the setup checklist',
    description: 'Done when every step of the in-product setup checklist is ticked.',
    stage: 'design',
    owner: customer('admin'),
    customerVisible: true,
    checklist: ['Company profile and branding', 'Roles and permissions', 'Notifications', 'Your first workflow'],
  },
  admin_course: {
    title: 'Finish the admin course',
    description: 'Done when your admin has completed the self-paced admin course in the academy.',
    stage: 'design',
    owner: customer('admin'),
    customerVisible: true,
  },
  connect_tools: {
    title: 'Connect your tools',
    description: 'Done when the connectors you need (email, calendar, CRM) are switched on and syncing.',
    stage: 'design',
    owner: customer('admin'),
    customerVisible: true,
  },
  setup_review: {
    title: 'Review the setup and send tips',
    description: 'Done when the onboarding team has checked the workspace for common mistakes and sent the customer what to fix.',
    stage: 'launch',
    owner: vendor('onboarding_manager'),
    customerVisible: true,
  },
  invite_team: {
    title: 'Invite your team',
    description: 'Done when everyone who will use the product has an invitation.',
    stage: 'launch',
    owner: customer('admin'),
    customerVisible: true,
  },
  team_live: {
    title: 'Your team is live',
    description: 'Reached when your team starts doing real work in the product.',
    stage: 'launch',
    owner: customer('admin'),
    milestoneKind: 'go_live',
    customerVisible: true,
  },
  getting_started_course: {
    title: 'Complete the getting-started course',
    description: 'Done when each of your users has finished the getting-started course for their role.',
    stage: 'adoption',
    owner: customer('end_user'),
    customerVisible: true,
  },
  nudge_inactive_users: {
    title: 'Adoption check: nudge inactive users',
    description: 'Done when usage has been reviewed and the users who have not come back have been nudged, with a tip for their role.',
    stage: 'adoption',
    owner: vendor('onboarding_manager'),
    customerVisible: false,
  },
  update_metrics: {
    title: 'Update your success metrics',
    description: 'Done when you have entered where each success metric stands today.',
    stage: 'value_creation',
    owner: customer('champion'),
    customerVisible: true,
  },
  success_check_in: {
    title: 'Success check-in call',
    description: 'Done when a 30-minute call has gone through the metrics with the champion and set the next goal.',
    stage: 'value_creation',
    owner: vendor('onboarding_manager'),
    customerVisible: true,
  },
  pooled_csm_handover: {
    title: 'Hand over to the pooled CSM team',
    description: 'Done when the account is in the pooled CSM queue with its success plan and usage summary.',
    stage: 'value_creation',
    owner: vendor('csm'),
    customerVisible: false,
  },
} satisfies Record<string, TaskContent>;

type TaskKey = keyof typeof TASKS;
type Predecessor = TaskKey | [TaskKey, number];

interface TaskPlan {
  /** Business days; milestones default to 0. */
  days?: number;
  /** Calendar days from day 0 (contract signed). */
  offset?: number;
  /** Finish-to-start; [key, lag] to wait lag business days after it. */
  after?: Predecessor[];
}

function task(key: TaskKey, plan: TaskPlan = {}, changes: Partial<TaskContent> = {}): PlaybookTask {
  const content: TaskContent = { ...TASKS[key], ...changes };
  const laid: PlaybookTask = { key, ...content, durationDays: plan.days ?? 0 };
  if (plan.offset !== undefined) laid.startOffsetDays = plan.offset;
  if (plan.after) {
    laid.dependsOn = plan.after.map((p) => (typeof p === 'string' ? { task: p } : { task: p[0], lagDays: p[1] }));
  }
  if (content.checklist) laid.checklist = [...content.checklist];
  if (!content.completesOn) delete laid.completesOn;
  return laid;
}

const stages = () => DEFAULT_STAGES.map((stage) => ({ ...stage }));

// ---- Enterprise: high touch ----

const ENTERPRISE_HIGH: PlaybookDefinition = {
  name: 'Enterprise: high complexity',
  description:
    'High touch for enterprise customers with integrations, data migration and a security review: named team, weekly calls, train-the-trainer for a large user base.',
  touchModel: 'high',
  targetDays: 120,
  selection: { segments: ['enterprise'], complexities: ['high'], products: [] },
  stages: stages(),
  tasks: [
    task('readiness_questionnaire', { days: 5, offset: -14 }),
    task('sales_handoff', { days: 3, offset: -5 }),
    task('internal_kickoff', { days: 1, after: ['sales_handoff'] }),
    task('customer_research', { days: 2, after: ['internal_kickoff'] }),
    task('welcome_call', { days: 1, after: ['internal_kickoff'] }),
    task('first_engagement', { after: ['welcome_call'] }),
    task('readiness_review', { days: 2, after: ['readiness_questionnaire', 'customer_research'] }),
    task('kickoff_attendees', { days: 3, after: ['welcome_call'] }),
    task('kickoff_meeting', { after: [['readiness_review', 2], 'kickoff_attendees'] }),
    task('communication_cadence', { days: 1, after: ['kickoff_meeting'] }),
    task('nominate_team', { days: 5, after: ['kickoff_meeting'] }),
    task('success_metrics', { days: 5, after: ['kickoff_meeting'] }),
    task('mutual_success_plan', { days: 5, after: ['success_metrics'] }),
    task('discovery_workshops', { days: 8, after: ['kickoff_meeting'] }),
    task('security_questionnaire', { days: 3, after: ['kickoff_meeting'] }),
    task('security_review', { days: 10, after: ['security_questionnaire'] }),
    task('solution_design', { days: 6, after: ['discovery_workshops', 'nominate_team'] }),
    task('training_plan', { days: 3, after: ['solution_design'] }),
    task('data_extracts', { days: 8, after: ['solution_design'] }),
    task('integration', { days: 15, after: ['solution_design', 'security_review'] }),
    task('data_migration', { days: 12, after: ['data_extracts', 'security_review'] }),
    task('admin_training', { days: 3, after: ['training_plan'] }),
    task('uat', { days: 10, after: ['integration', 'data_migration', 'admin_training'] }),
    task('uat_signoff', { days: 2, after: ['uat'] }),
    task('train_the_trainer', { days: 5, after: ['admin_training'] }),
    task('go_no_go', { days: 1, after: ['uat_signoff'] }),
    task('go_live', { after: ['go_no_go'] }),
    task('hypercare', { days: 10, after: ['go_live'] }),
    task('end_user_enrolment', { days: 2, after: ['go_live'] }),
    task('end_user_rollout', { days: 10, after: ['end_user_enrolment', 'train_the_trainer'] }),
    task('adoption_check', { days: 1, after: [['end_user_rollout', 5]] }),
    task('first_value', { after: ['adoption_check', 'hypercare'] }),
    task('outcome_actuals', { days: 5, after: [['first_value', 5], 'mutual_success_plan'] }),
    task('executive_business_review', { days: 1, after: ['outcome_actuals'] }),
    task('value_achieved', { after: ['executive_business_review'] }),
    task('csm_handover', { days: 2, after: ['executive_business_review'] }),
    task('onboarding_complete', { after: ['value_achieved', 'csm_handover'] }),
  ],
};

const ENTERPRISE_MODERATE: PlaybookDefinition = {
  name: 'Enterprise: moderate complexity',
  description:
    'High touch for enterprise customers on standard integrations and a contained data migration: named team, weekly calls, value proven by day 90.',
  touchModel: 'high',
  targetDays: 90,
  selection: { segments: ['enterprise'], complexities: ['moderate', 'low'], products: [] },
  stages: stages(),
  tasks: [
    task('readiness_questionnaire', { days: 5, offset: -14 }),
    task('sales_handoff', { days: 3, offset: -5 }),
    task('internal_kickoff', { days: 1, after: ['sales_handoff'] }),
    task('customer_research', { days: 2, after: ['internal_kickoff'] }),
    task('welcome_call', { days: 1, after: ['internal_kickoff'] }),
    task('first_engagement', { after: ['welcome_call'] }),
    task('readiness_review', { days: 2, after: ['readiness_questionnaire', 'customer_research'] }),
    task('kickoff_attendees', { days: 3, after: ['welcome_call'] }),
    task('kickoff_meeting', { after: [['readiness_review', 2], 'kickoff_attendees'] }),
    task('communication_cadence', { days: 1, after: ['kickoff_meeting'] }),
    task('nominate_team', { days: 3, after: ['kickoff_meeting'] }),
    task('success_metrics', { days: 5, after: ['kickoff_meeting'] }),
    task('mutual_success_plan', { days: 3, after: ['success_metrics'] }),
    task('discovery_workshops', { days: 5, after: ['kickoff_meeting'] }),
    task('solution_design', { days: 4, after: ['discovery_workshops', 'nominate_team'] }),
    task('training_plan', { days: 2, after: ['solution_design'] }),
    task('data_extracts', { days: 5, after: ['solution_design'] }),
    task('integration', { days: 10, after: ['solution_design'] }),
    task('data_migration', { days: 6, after: ['data_extracts'] }),
    task('admin_training', { days: 2, after: ['training_plan'] }),
    task('uat', { days: 8, after: ['integration', 'data_migration', 'admin_training'] }),
    task('uat_signoff', { days: 1, after: ['uat'] }),
    task('go_no_go', { days: 1, after: ['uat_signoff'] }),
    task('go_live', { after: ['go_no_go'] }),
    task('hypercare', { days: 10, after: ['go_live'] }),
    task('end_user_enrolment', { days: 2, after: ['go_live'] }),
    task('end_user_rollout', { days: 8, after: ['end_user_enrolment'] }),
    task('adoption_check', { days: 1, after: [['end_user_rollout', 3]] }),
    task('first_value', { after: ['adoption_check', 'hypercare'] }),
    task('outcome_actuals', { days: 5, after: [['first_value', 3], 'mutual_success_plan'] }),
    task('executive_business_review', { days: 1, after: ['outcome_actuals'] }),
    task('value_achieved', { after: ['executive_business_review'] }),
    task('csm_handover', { days: 2, after: ['executive_business_review'] }),
    task('onboarding_complete', { after: ['value_achieved', 'csm_handover'] }),
  ],
};

// ---- Mid-market: medium touch ----

const MID_MARKET_STANDARD: PlaybookDefinition = {
  name: 'Mid-market: moderate to high complexity',
  description:
    'Medium touch for mid-market customers with an integration and a data migration: one onboarding manager, a short weekly call, pooled technical help.',
  touchModel: 'medium',
  targetDays: 60,
  selection: { segments: ['mid_market'], complexities: ['moderate', 'high'], products: [] },
  stages: stages(),
  tasks: [
    task('readiness_questionnaire', { days: 3, offset: -7 }),
    task('sales_handoff', { days: 1, offset: 0 }),
    task('internal_kickoff', { days: 1, after: ['sales_handoff'] }),
    task('customer_research', { days: 1, after: ['internal_kickoff'] }),
    task('welcome_call', { days: 1, after: ['internal_kickoff'] }),
    task('first_engagement', { after: ['welcome_call'] }),
    task('readiness_review', { days: 1, after: ['readiness_questionnaire', 'customer_research'] }),
    task('kickoff_meeting', { after: [['welcome_call', 2], 'readiness_review'] }),
    task('communication_cadence', { days: 1, after: ['kickoff_meeting'] }),
    task('nominate_team', { days: 2, after: ['kickoff_meeting'] }),
    task('success_metrics', { days: 3, after: ['kickoff_meeting'] }),
    task('mutual_success_plan', { days: 2, after: ['success_metrics'] }),
    task('discovery_workshops', { days: 3, after: ['kickoff_meeting'] }, { title: 'Discovery workshop' }),
    task('solution_design', { days: 3, after: ['discovery_workshops', 'nominate_team'] }),
    task('training_plan', { days: 1, after: ['solution_design'] }),
    task('data_extracts', { days: 5, after: ['solution_design'] }),
    task('integration', { days: 8, after: ['solution_design'] }),
    task('data_migration', { days: 4, after: ['data_extracts'] }),
    task('admin_training', { days: 2, after: ['training_plan'] }),
    task('uat', { days: 4, after: ['integration', 'data_migration', 'admin_training'] }),
    task('uat_signoff', { days: 1, after: ['uat'] }, { owner: customer('project_lead') }),
    task('go_live', { after: ['uat_signoff'] }),
    task('hypercare', { days: 5, after: ['go_live'] }),
    task('end_user_enrolment', { days: 1, after: ['go_live'] }),
    task('end_user_rollout', { days: 5, after: ['end_user_enrolment'] }),
    task('adoption_check', { days: 1, after: [['end_user_rollout', 3]] }),
    task('first_value', { after: ['adoption_check', 'hypercare'] }),
    task('outcome_actuals', { days: 3, after: [['first_value', 2], 'mutual_success_plan'] }),
    task('executive_business_review', { days: 1, after: ['outcome_actuals'] }, { title: 'Value review with the sponsor' }),
    task('value_achieved', { after: ['executive_business_review'] }),
    task('csm_handover', { days: 1, after: ['executive_business_review'] }),
    task('onboarding_complete', { after: ['value_achieved', 'csm_handover'] }),
  ],
};

const MID_MARKET_LOW: PlaybookDefinition = {
  name: 'Mid-market: low complexity',
  description:
    'Medium touch for mid-market customers on standard connectors: we configure, the customer imports their own data with our templates.',
  touchModel: 'medium',
  targetDays: 45,
  selection: { segments: ['mid_market'], complexities: ['low'], products: [] },
  stages: stages(),
  tasks: [
    task('readiness_questionnaire', { days: 3, offset: -7 }),
    task('sales_handoff', { days: 1, offset: 0 }),
    task('internal_kickoff', { days: 1, after: ['sales_handoff'] }),
    task('customer_research', { days: 1, after: ['internal_kickoff'] }),
    task('welcome_call', { days: 1, after: ['internal_kickoff'] }),
    task('first_engagement', { after: ['welcome_call'] }),
    task('readiness_review', { days: 1, after: ['readiness_questionnaire', 'customer_research'] }),
    task('kickoff_meeting', { after: [['welcome_call', 2], 'readiness_review'] }),
    task('communication_cadence', { days: 1, after: ['kickoff_meeting'] }),
    task('nominate_team', { days: 2, after: ['kickoff_meeting'] }),
    task('success_metrics', { days: 3, after: ['kickoff_meeting'] }),
    task('mutual_success_plan', { days: 2, after: ['success_metrics'] }),
    task('solution_design', { days: 2, after: ['kickoff_meeting'] }, { title: 'Configuration workbook' }),
    task('configuration', { days: 4, after: ['solution_design'] }),
    task('training_plan', { days: 1, after: ['solution_design'] }),
    task('admin_training', { days: 2, after: ['training_plan', 'nominate_team'] }),
    task('data_import', { days: 4, after: ['configuration', 'admin_training'] }),
    task('uat', { days: 3, after: ['data_import'] }, { title: 'Test your main workflows' }),
    task('go_live', { after: ['uat'] }),
    task('end_user_enrolment', { days: 1, after: ['go_live'] }),
    task('end_user_rollout', { days: 5, after: ['end_user_enrolment'] }),
    task('adoption_check', { days: 1, after: [['end_user_rollout', 1]] }),
    task('first_value', { after: ['adoption_check'] }),
    task('outcome_actuals', { days: 2, after: [['first_value', 2], 'mutual_success_plan'] }),
    task('executive_business_review', { days: 1, after: ['outcome_actuals'] }, { title: 'Value review with the sponsor' }),
    task('value_achieved', { after: ['executive_business_review'] }),
    task('csm_handover', { days: 1, after: ['executive_business_review'] }),
    task('onboarding_complete', { after: ['value_achieved', 'csm_handover'] }),
  ],
};

// ---- SMB: digital touch ----

const SMB_DIGITAL: PlaybookDefinition = {
  name: 'SMB: digital touch',
  description:
    'Self-serve onboarding for small businesses: the customer works through the setup checklist and courses, guided by emails, webinars and a pooled onboarding team that steps in when they stall.',
  touchModel: 'digital',
  targetDays: 60,
  selection: { segments: ['smb'], complexities: [], products: [] },
  stages: stages(),
  tasks: [
    task('sales_handoff', { days: 1, offset: 0 }, { checklist: ['Use case and goal picked at sign-up', 'Number of users bought', 'Promises made'] }),
    task('welcome_email', { days: 1, offset: 0 }),
    task('journey_enrolment', { days: 1, after: ['sales_handoff'] }),
    task('customer_research', { days: 1, after: ['journey_enrolment'] }, { title: 'Review the hand-off and sign-up answers' }),
    task('first_sign_in', { days: 2, after: ['welcome_email'] }),
    task('first_engagement', { after: ['first_sign_in'] }, { owner: customer('admin') }),
    task('readiness_check', { days: 3, after: ['first_sign_in'] }),
    task('kickoff_webinar', { after: [['welcome_email', 3]] }),
    task('contact_preferences', { days: 2, after: ['first_sign_in'] }),
    task('choose_goals', { days: 3, after: ['first_sign_in'] }),
    task('starter_success_plan', { days: 1, after: ['choose_goals', 'customer_research'] }),
    task('admin_course', { days: 5, after: ['first_sign_in'] }),
    task('setup_checklist', { days: 8, after: ['first_sign_in'] }),
    task('connect_tools', { days: 3, after: ['admin_course'] }),
    task('data_import', { days: 4, after: ['connect_tools'] }),
    task('setup_review', { days: 1, after: ['setup_checklist', 'data_import'] }),
    task('invite_team', { days: 3, after: ['setup_review'] }),
    task('team_live', { after: ['invite_team'] }),
    task('getting_started_course', { days: 10, after: ['team_live'] }),
    task('nudge_inactive_users', { days: 1, after: [['team_live', 10]] }),
    task('first_value', { after: ['nudge_inactive_users', 'getting_started_course'] }, { title: 'First value' }),
    task('update_metrics', { days: 3, after: [['first_value', 5], 'starter_success_plan'] }),
    task('success_check_in', { days: 1, after: ['update_metrics'] }),
    task('value_achieved', { after: ['success_check_in'] }),
    task('pooled_csm_handover', { days: 1, after: ['value_achieved'] }),
    // A time-boxed programme: it completes on day 60 (the first business day from it), earlier work or not.
    task('onboarding_complete', { offset: 60, after: ['pooled_csm_handover'] }),
  ],
};

export const BUILTIN_PLAYBOOKS: PlaybookDefinition[] = [
  ENTERPRISE_HIGH,
  ENTERPRISE_MODERATE,
  MID_MARKET_STANDARD,
  MID_MARKET_LOW,
  SMB_DIGITAL,
];
