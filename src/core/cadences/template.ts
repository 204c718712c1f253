// Message content: subject and body in Liquid (a template language without code execution: no access to
// anything but the variables given), the body in markdown, sent as responsive HTML plus plain text.
import { Liquid } from 'liquidjs';
import { Marked, type Tokens } from 'marked';

export interface MessageVariables {
  contact: { name: string; firstName: string; email: string; role: string; title: string | null };
  account: { name: string };
  product: string;
  project: { name: string; day0: string };
  /** `assigned` is false when the project has no manager: `name` then names the team ("the Acme onboarding team"). */
  onboardingManager: { name: string; email: string; assigned: boolean };
  sender: { name: string; title: string; signature: string };
  portalLink: string;
  nextCustomerTasks: { title: string; due: string | null }[];
  daysToGoLive: number | null;
  goLiveDate: string | null;
  /**
   * The projects a digest covers: this one, and the recipient's other active projects on the account that follow
   * the same step (one digest a week, not one per project).
   */
  projects: DigestProject[];
  unsubscribeLink: string;
  /** A user onboarding journey's: the super-user who guides the new user, and the learning path of their role. */
  guide?: { name: string; email: string; assigned: boolean } | undefined;
  learningPath?: { title: string; link: string; assigned: boolean } | undefined;
}

export interface DigestProject {
  name: string;
  portalLink: string;
  goLiveDate: string | null;
  daysToGoLive: number | null;
  nextCustomerTasks: { title: string; due: string | null }[];
}

/** Data for a preview or a template check when no real contact is chosen. */
export const SAMPLE_VARIABLES: MessageVariables = {
  contact: { name: 'Jamie Rivera', firstName: 'Jamie', email: 'jamie@customer.example', role: 'champion', title: 'Head of Operations' },
  account: { name: 'Customer Co' },
  product: 'Core Platform',
  project: { name: 'Customer Co onboarding', day0: '2026-03-02' },
  onboardingManager: { name: 'Olivia Onboarding', email: 'olivia@vendor.example', assigned: true },
  sender: { name: 'Olivia Onboarding', title: 'Onboarding manager', signature: 'Olivia Onboarding\nOnboarding manager' },
  portalLink: 'https://landfall.example/portal',
  nextCustomerTasks: [{ title: 'Connect your tools', due: '2026-03-09' }],
  daysToGoLive: 21,
  goLiveDate: '2026-03-30',
  projects: [
    {
      name: 'Customer Co onboarding',
      portalLink: 'https://landfall.example/portal',
      goLiveDate: '2026-03-30',
      daysToGoLive: 21,
      nextCustomerTasks: [{ title: 'Connect your tools', due: '2026-03-09' }],
    },
  ],
  unsubscribeLink: 'https://landfall.example/api/v1/unsubscribe/example',
  guide: { name: 'Sam Super-User', email: 'sam@customer.example', assigned: true },
  learningPath: { title: 'Getting started', link: 'https://landfall.example/portal/academy', assigned: true },
};

const blank = (text: string | null | undefined) => !text || text.trim() === '';

/** "the Northwind onboarding team", or "our onboarding team" without a workspace name. */
export const teamName = (workspaceName: string | null | undefined, capital = false) =>
  `${capital ? (blank(workspaceName) ? 'Our' : 'The') : blank(workspaceName) ? 'our' : 'the'}${blank(workspaceName) ? '' : ` ${workspaceName!.trim()}`} onboarding team`;

/**
 * Every variable a template may use, with a fallback that reads as a person would write it when the data is
 * missing: a contact without a first name is greeted "Hi there", a deal without a product says "our product",
 * a project without a manager is signed by the team ("The Northwind onboarding team"), never by a placeholder.
 */
export function withFallbacks(variables: MessageVariables, workspaceName: string | null): MessageVariables {
  const team = teamName(workspaceName, true);
  const account = blank(variables.account.name) ? 'your company' : variables.account.name.trim();
  const manager = variables.onboardingManager;
  const assigned = manager.assigned && !blank(manager.name);
  const sender = variables.sender;
  const senderName = blank(sender.name) ? team : sender.name.trim();
  return {
    ...variables,
    contact: { ...variables.contact, firstName: blank(variables.contact.firstName) ? 'there' : variables.contact.firstName.trim() },
    account: { name: account },
    product: blank(variables.product) ? 'our product' : variables.product.trim(),
    project: { ...variables.project, name: blank(variables.project.name) ? 'your onboarding plan' : variables.project.name.trim() },
    onboardingManager: assigned ? { ...manager, assigned: true } : { name: teamName(workspaceName), email: manager.email, assigned: false },
    sender: {
      name: senderName,
      title: sender.title ?? '',
      signature: blank(sender.signature) ? [senderName, sender.title].filter((line) => !blank(line)).join('\n') : sender.signature,
    },
    nextCustomerTasks: variables.nextCustomerTasks.filter((task) => !blank(task.title)),
    projects: variables.projects.map((project) => ({
      ...project,
      name: blank(project.name) ? 'your onboarding plan' : project.name.trim(),
      nextCustomerTasks: project.nextCustomerTasks.filter((task) => !blank(task.title)),
    })),
  };
}

/**
 * Templates are written by workspace members and rendered on the server's one event loop (a preview, the mail
 * job): every render is bounded, so a template such as two nested 100,000-step loops fails fast instead of
 * freezing every workspace. An onboarding email needs a fraction of each limit.
 */
export const TEMPLATE_LIMITS = {
  /** Characters of template parsed at once. */
  parseLimit: 50_000,
  /** Milliseconds a render may take. */
  renderLimit: 250,
  /** Units of memory a render may allocate (a range (1..n) counts n; strings their length). */
  memoryLimit: 1_000_000,
} as const;

const options = { ownPropertyOnly: true, strictFilters: true, cache: 500, jsTruthy: true, ...TEMPLATE_LIMITS } as const;
// HTML output escapes every variable, so a contact named "<script>" stays text; the text output does not.
const htmlEngine = new Liquid({ ...options, outputEscape: 'escape' });
const textEngine = new Liquid(options);
const strictEngine = new Liquid({ ...options, strictVariables: true });

const markdown = new Marked({ gfm: true, breaks: true });
markdown.use({
  renderer: {
    // Raw HTML in a template is shown as text, never passed through.
    html: (token: Tokens.HTML | Tokens.Tag) => escapeHtml(token.text),
  },
});

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

/** What went wrong, in the words of someone writing an email; a limit says which and what to do. */
function describe(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).replace(/, file:.*$/s, '').replace(/\s+/g, ' ').trim();
  if (/parse length limit exceeded/i.test(message)) return `the template is too long (at most ${TEMPLATE_LIMITS.parseLimit.toLocaleString('en')} characters)`;
  if (/template render limit exceeded|memory alloc limit exceeded/i.test(message)) {
    return 'the template does too much work to render (a loop too long, or loops inside loops): keep loops to the data an email shows';
  }
  return message;
}

/** Why a template cannot be used (bad syntax, an unknown variable or filter), or null when it is fine. */
export function templateProblem(source: string): string | null {
  try {
    strictEngine.parseAndRenderSync(source, SAMPLE_VARIABLES);
    return null;
  } catch (error) {
    return describe(error);
  }
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

/** Plain text from markdown: links keep their address, emphasis marks go. */
function markdownToText(source: string): string {
  return source
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '$1 ($2)')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/^#{1,6}\s+/gm, '')
    .trim();
}

/** Renders a message for one recipient. Throws TemplateError when a template is broken. */
export function renderMessage(content: { subject: string; body: string }, variables: MessageVariables): RenderedMessage {
  try {
    const subject = textEngine.parseAndRenderSync(content.subject, variables).replace(/\s+/g, ' ').trim();
    const textBody = markdownToText(textEngine.parseAndRenderSync(content.body, variables));
    const htmlSource = htmlEngine.parseAndRenderSync(content.body, variables);
    const bodyHtml = markdown.parse(htmlSource, { async: false });
    const signature = variables.sender.signature;
    const text = `${textBody}\n\n-- \n${signature}\n\nUnsubscribe from these emails: ${variables.unsubscribeLink}\n`;
    const html = layout(subject, bodyHtml, signature, variables.unsubscribeLink);
    return { subject, text, html };
  } catch (error) {
    throw new TemplateError(describe(error));
  }
}

/**
 * A stored step rendered for the outbox: a template that cannot be rendered (over a limit, broken) fails its own
 * message, once, saying where to fix it (`fixIn`: "the cadence", "the journey"); the other messages go.
 */
export function renderStep(step: { name: string; subject: string; body: string }, variables: MessageVariables, fixIn: string): { rendered: RenderedMessage; failed: string | null } {
  try {
    return { rendered: renderMessage(step, variables), failed: null };
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    return {
      rendered: { subject: step.name, text: '', html: '' },
      failed: `The step's template could not be rendered: ${error.message}. Fix the step in ${fixIn}; this message is not sent.`,
    };
  }
}

/** A single-column layout that reads well from a phone to a desktop client (also for reminders; no footer for mail to members). */
export function layout(subject: string, bodyHtml: string, signature: string, unsubscribeLink: string | null): string {
  const signatureHtml = escapeHtml(signature).replace(/\n/g, '<br>');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)}</title>
<style>body{margin:0;background:#f4f5f7}.wrap{max-width:600px;margin:0 auto;padding:24px 16px}
.card{background:#fff;border-radius:8px;padding:24px;font:16px/1.5 -apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1f2933}
.card a{color:#1d4ed8}.sig{margin-top:24px;color:#52606d}.foot{font:12px/1.5 sans-serif;color:#7b8794;text-align:center;padding:16px}
@media (max-width:480px){.wrap{padding:8px}.card{padding:16px}}</style></head>
<body><div class="wrap"><div class="card">${bodyHtml}<p class="sig">${signatureHtml}</p></div>
${unsubscribeLink ? `<p class="foot"><a href="${escapeHtml(unsubscribeLink)}">Unsubscribe</a> from these onboarding emails.</p>` : ''}</div></body></html>`;
}
