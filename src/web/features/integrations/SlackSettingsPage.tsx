import { useState } from 'react';
import { formatRelative } from '../../app/format.ts';
import { formProblem } from '../../app/formProblem.ts';
import { useIsAdmin } from '../../app/session.tsx';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { useFormValues } from '../../app/useFormValues.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { CopyField } from '../../components/ui/CopyField.tsx';
import { ConfirmDialog } from '../../components/ui/Dialog.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { FormMessage, SelectField, TextField } from '../../components/ui/Field.tsx';
import { AdminsOnly } from '../../components/ui/AdminsOnly.tsx';
import { PageHeader, Section } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState, errorText } from '../../components/ui/State.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { useProjects } from '../projects/projects.api.ts';
import { useConnectSlack, useDisconnectSlack, useSetSlackChannel, useSlack, useSlackChannels, useSlackDeliveries, useUpdateSlack, type SlackSettings } from './integrations.api.ts';
import './integrations.css';

const CHANNEL_PER = [
  { value: 'project', label: 'A channel per project' },
  { value: 'account', label: 'A channel per account' },
] as const;

export function SlackSettingsPage() {
  useDocumentTitle('Slack');
  const isAdmin = useIsAdmin();
  const slack = useSlack();
  if (!isAdmin) {
    return (
      <AdminsOnly page="Slack" title="Only admins connect Slack">
        Ask a workspace admin to connect your Slack workspace.
      </AdminsOnly>
    );
  }
  return (
    <div className="page page-narrow">
      <PageHeader title="Slack" description="Post what happens in onboarding projects to your team's Slack channels, and let people mark tasks done from Slack." />
      {slack.isPending ? (
        <div className="card">
          <LoadingState label="Loading Slack settings…" />
        </div>
      ) : slack.isError ? (
        <ErrorState title="Could not load Slack settings" error={slack.error} onRetry={() => void slack.refetch()} />
      ) : slack.data.connected ? (
        <Connected settings={slack.data} />
      ) : (
        <ConnectForm />
      )}
    </div>
  );
}

function ConnectForm() {
  const form = useFormValues({ botToken: '', signingSecret: '', channelPer: 'project' });
  const connect = useConnectSlack();
  const notify = useToast();
  const problem = formProblem(connect.error, ['botToken', 'signingSecret', 'channelPer']);
  return (
    <form
      className="card card-pad stack"
      onSubmit={(event) => {
        event.preventDefault();
        connect.mutate(form.values as { botToken: string; signingSecret: string; channelPer: 'project' | 'account' }, { onSuccess: () => notify('Slack connected') });
      }}
    >
      <p className="muted">
        Create a Slack app (api.slack.com/apps) with the bot scopes <code>chat:write</code>, <code>channels:manage</code>, <code>users:read</code> and{' '}
        <code>users:read.email</code>, install it to your workspace, then paste its bot token and signing secret here. Both are stored encrypted.
      </p>
      <TextField label="Bot token" autoComplete="off" placeholder="xoxb-…" {...form.bind('botToken')} error={problem.fieldError('botToken')} hint="OAuth & Permissions → Bot User OAuth Token" required />
      <TextField label="Signing secret" type="password" autoComplete="off" {...form.bind('signingSecret')} error={problem.fieldError('signingSecret')} hint="Basic Information → App Credentials" required />
      <SelectField label="Channels" options={CHANNEL_PER} {...form.bind('channelPer')} error={problem.fieldError('channelPer')} />
      <FormMessage message={problem.message} />
      <div>
        <Button type="submit" variant="primary" busy={connect.isPending}>
          Connect Slack
        </Button>
      </div>
    </form>
  );
}

/** The event × channel matrix: the project's (or account's) own channel, and fixed channels by id. */
function Connected({ settings }: { settings: SlackSettings }) {
  const update = useUpdateSlack();
  const notify = useToast();
  const [routes, setRoutes] = useState(() => settings.routes);
  const [disconnecting, setDisconnecting] = useState(false);
  const disconnect = useDisconnectSlack();
  const deliveries = useSlackDeliveries(true);
  const problem = formProblem(update.error, ['routes', 'channelPer']);
  const own = settings.channelPer === 'project' ? "The project's channel" : "The account's channel";
  const setTargets = (event: string, targets: string[]) => setRoutes((current) => ({ ...current, [event]: [...new Set(targets)] }));
  return (
    <div className="stack">
      <div className="card card-pad stack">
        <p>
          Connected to <strong>{settings.teamName}</strong>. Set this as your Slack app's Interactivity Request URL so its buttons work:
        </p>
        <CopyField label="Interactivity request URL" value={settings.interactivityUrl} />
        <SelectField
          label="Channels"
          name="channelPer"
          options={CHANNEL_PER}
          value={settings.channelPer}
          hint="A channel is created the first time something is posted, unless you pick one."
          onChange={(event) => update.mutate({ channelPer: event.target.value as 'project' | 'account' }, { onSuccess: () => notify('Saved') })}
        />
      </div>
      <Section title="What is posted where" description="Tick what goes to the project's or account's own channel; add channel ids (C0123ABCD) to post to a team channel too.">
        <form
          className="card card-pad stack"
          onSubmit={(event) => {
            event.preventDefault();
            update.mutate({ routes }, { onSuccess: () => notify('Slack routing saved') });
          }}
        >
          {settings.events.map(({ event, label }) => {
            const targets = routes[event] ?? [];
            const fixed = targets.filter((target) => target !== 'own');
            return (
              <fieldset key={event} className="slack-route">
                <legend>{label}</legend>
                <label className="checkbox">
                  <input type="checkbox" checked={targets.includes('own')} onChange={(e) => setTargets(event, e.target.checked ? ['own', ...fixed] : fixed)} /> {own}
                </label>
                <TextField
                  label="Also to channels"
                  optional
                  placeholder="C0123ABCD, C0456EFGH"
                  value={fixed.join(', ')}
                  onChange={(e) => setTargets(event, [...(targets.includes('own') ? ['own'] : []), ...e.target.value.split(/[\s,]+/).filter(Boolean)])}
                />
              </fieldset>
            );
          })}
          <FormMessage message={problem.message} />
          <div>
            <Button type="submit" variant="primary" busy={update.isPending}>
              Save routing
            </Button>
          </div>
        </form>
      </Section>
      <ChannelsSection scope={settings.channelPer} />
      <Section title="Recent messages" count={deliveries.data?.length}>
        <div className="card card-pad">
          {deliveries.data && deliveries.data.length > 0 ? (
            <ul className="integration-log">
              {deliveries.data.map((message) => (
                <li key={message.id}>
                  <Badge tone={message.state === 'sent' ? 'green' : message.state === 'failed' ? 'red' : 'neutral'}>{message.state}</Badge> {message.text}
                  <div className="muted small">
                    {formatRelative(message.createdAt)}
                    {message.lastError ? ` · ${message.lastError}` : ''}
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState title="Nothing posted yet">Messages appear here when a project event you routed happens, such as a milestone reached.</EmptyState>
          )}
        </div>
      </Section>
      <div>
        <Button variant="danger" onClick={() => setDisconnecting(true)}>
          Disconnect Slack
        </Button>
      </div>
      {disconnecting && (
        <ConfirmDialog title="Disconnect Slack?" confirmLabel="Disconnect" busy={disconnect.isPending} error={disconnect.error ? errorText(disconnect.error) : undefined} onClose={() => setDisconnecting(false)} onConfirm={() => disconnect.mutate(undefined, { onSuccess: () => setDisconnecting(false) })}>
          Nothing more is posted to Slack and its buttons stop working. Your routing is forgotten.
        </ConfirmDialog>
      )}
    </div>
  );
}

/** Which Slack channel each project (or account) posts to: one picked by id, or a new one made now. */
function ChannelsSection({ scope }: { scope: 'project' | 'account' }) {
  const channels = useSlackChannels();
  const projects = useProjects({ status: 'active' });
  const setChannel = useSetSlackChannel();
  const notify = useToast();
  const form = useFormValues({ subjectId: '', channelId: '' });
  const subjects = new Map<string, string>();
  for (const project of projects.data ?? []) subjects.set(scope === 'project' ? project.id : project.accountId, scope === 'project' ? project.name : project.accountName);
  const options = [...subjects].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
  const mine = (channels.data ?? []).filter((channel) => channel.scope === scope);
  const problem = formProblem(setChannel.error, ['channelId', 'name']);
  const save = (input: { channelId: string } | { create: true }) =>
    setChannel.mutate(
      { scope, id: form.values.subjectId, input },
      { onSuccess: (saved) => (notify(`${subjects.get(saved.subjectId) ?? 'It'} posts to ${saved.channelName ? `#${saved.channelName}` : saved.channelId}`), form.set('channelId', '')) },
    );
  return (
    <Section title={scope === 'project' ? 'Project channels' : 'Account channels'} count={mine.length} description="Without a choice here, a channel is created the first time something is posted.">
      <div className="card card-pad stack">
        {mine.length > 0 ? (
          <ul className="slack-channels">
            {mine.map((channel) => (
              <li key={channel.subjectId}>
                <span>{subjects.get(channel.subjectId) ?? 'A closed project or account'}</span>
                <code>{channel.channelName ? `#${channel.channelName}` : channel.channelId}</code>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No {scope} has its own channel yet.</p>
        )}
        <form
          className="slack-channel-form"
          onSubmit={(event) => {
            event.preventDefault();
            save({ channelId: form.values.channelId.trim() });
          }}
        >
          <SelectField
            label={scope === 'project' ? 'Project' : 'Account'}
            name="subjectId"
            value={form.values.subjectId}
            onChange={(event) => form.set('subjectId', event.target.value)}
            options={[{ value: '', label: scope === 'project' ? 'Choose a project…' : 'Choose an account…' }, ...options]}
          />
          <TextField label="Existing channel id" name="channelId" placeholder="C0123ABCD" value={form.values.channelId} error={problem.fieldError('channelId')} onChange={(event) => form.set('channelId', event.target.value)} />
          <div className="slack-channel-actions">
            <Button type="submit" disabled={!form.values.subjectId || !form.values.channelId.trim() || setChannel.isPending}>
              Use this channel
            </Button>
            <Button type="button" variant="secondary" disabled={!form.values.subjectId || setChannel.isPending} onClick={() => save({ create: true })}>
              Create a new channel
            </Button>
          </div>
          <FormMessage message={problem.message} />
        </form>
      </div>
    </Section>
  );
}
