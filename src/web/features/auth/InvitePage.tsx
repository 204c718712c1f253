import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { MEMBER_ROLE_LABELS } from '../../../core/people.ts';
import { formatDateTime } from '../../app/format.ts';
import { formProblem } from '../../app/formProblem.ts';
import { rememberSession } from '../../app/session.tsx';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { useFormValues } from '../../app/useFormValues.ts';
import { Button, ButtonLink } from '../../components/ui/Button.tsx';
import { FormMessage, TextField } from '../../components/ui/Field.tsx';
import { LoadingState, errorText } from '../../components/ui/State.tsx';
import { AuthLayout } from './AuthLayout.tsx';
import { acceptInvitation, fetchInvitation } from './auth.api.ts';
import './auth.css';

const FIELDS = ['name', 'password'] as const;

/** /invite/<token>: join a workspace from an invitation link. */
export function InvitePage() {
  useDocumentTitle('Join workspace');
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const invitation = useQuery({ queryKey: ['invitation', token], queryFn: () => fetchInvitation(token), retry: false });
  const form = useFormValues({ name: '', password: '' });
  const mutation = useMutation({
    mutationFn: (input: { name: string; password: string }) => acceptInvitation(token, input),
    onSuccess: (session) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
      rememberSession(queryClient, session);
      void navigate('/accounts', { replace: true });
    },
  });
  const problem = formProblem(mutation.error, FIELDS);

  if (invitation.isPending) {
    return (
      <AuthLayout title="Join workspace">
        <LoadingState label="Checking your invitation…" />
      </AuthLayout>
    );
  }
  if (invitation.isError) {
    return (
      <AuthLayout title="This invitation can't be used">
        <div className="form-message" role="alert">
          {errorText(invitation.error)}
        </div>
        <p className="auth-note">Ask the admin who invited you to send a new invitation.</p>
        <ButtonLink to="/" variant="secondary" className="btn-block">
          Go to sign in
        </ButtonLink>
      </AuthLayout>
    );
  }
  const preview = invitation.data;
  return (
    <AuthLayout
      title={`Join ${preview.workspaceName}`}
      subtitle={
        <>
          You were invited as <strong>{MEMBER_ROLE_LABELS[preview.role]}</strong> with <strong>{preview.email}</strong>. The
          invitation expires {formatDateTime(preview.expiresAt)}.
        </>
      }
    >
      <form
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          mutation.mutate(form.values);
        }}
      >
        <TextField label="Email" type="email" value={preview.email} readOnly disabled autoComplete="username" />
        <TextField label="Your name" autoComplete="name" autoFocus {...form.bind('name')} error={problem.fieldError('name')} />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          hint="At least 10 characters."
          {...form.bind('password')}
          error={problem.fieldError('password')}
        />
        <FormMessage message={problem.message} />
        <Button type="submit" variant="primary" className="btn-block" busy={mutation.isPending}>
          Join workspace
        </Button>
      </form>
    </AuthLayout>
  );
}
