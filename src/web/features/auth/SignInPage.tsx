import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { emailDomain } from '../../../core/sso/sso.ts';
import { formProblem } from '../../app/formProblem.ts';
import { rememberSession } from '../../app/session.tsx';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { useFormValues } from '../../app/useFormValues.ts';
import { Button } from '../../components/ui/Button.tsx';
import { FormMessage, TextField } from '../../components/ui/Field.tsx';
import { AuthLayout } from './AuthLayout.tsx';
import { discoverSso, signIn } from './auth.api.ts';
import './auth.css';

// Wrong credentials come back on `password`, but they are about the pair: say so above the button,
// not under the password alone.
const FIELDS = ['email'] as const;

export function SignInPage() {
  useDocumentTitle('Sign in');
  const queryClient = useQueryClient();
  const form = useFormValues({ email: '', password: '' });
  const mutation = useMutation({
    mutationFn: signIn,
    onSuccess: (session) => rememberSession(queryClient, session),
  });
  const problem = formProblem(mutation.error, FIELDS);
  // The workspace's identity provider, found by the email's domain (asked once per domain) or ?workspace=<slug>.
  const [params] = useSearchParams();
  const slug = params.get('workspace') ?? undefined;
  const domain = emailDomain(form.values.email);
  const lookup = slug ? { workspace: slug } : domain?.includes('.') ? { email: `someone@${domain}` } : undefined;
  const sso = useQuery({
    queryKey: ['sso-discovery', lookup],
    queryFn: () => discoverSso(lookup!),
    enabled: lookup !== undefined,
    staleTime: 60_000,
  });
  const provider = sso.data?.provider;
  const startUrl = provider && `${provider.startUrl}${form.values.email ? `?email=${encodeURIComponent(form.values.email)}` : ''}`;

  return (
    <AuthLayout title="Sign in to Landfall" subtitle="Welcome back. Pick up where your customers left off.">
      {provider && (
        <div className="sso-offer stack">
          <a className="btn btn-primary btn-block" href={startUrl ?? undefined}>
            Sign in with {provider.displayName}
          </a>
          <p className="auth-note">
            {provider.passwordSignIn
              ? `${provider.workspaceName} uses ${provider.displayName}. You can also sign in with your password below.`
              : `${provider.workspaceName} signs in with ${provider.displayName}. Only admins can still use a password.`}
          </p>
        </div>
      )}
      <form
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          mutation.mutate(form.values);
        }}
      >
        <TextField
          label="Email"
          type="email"
          autoComplete="username"
          autoFocus
          {...form.bind('email')}
          error={problem.fieldError('email')}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          {...form.bind('password')}
        />
        <FormMessage message={problem.message} />
        <Button type="submit" variant={provider ? 'secondary' : 'primary'} className="btn-block" busy={mutation.isPending}>
          {provider ? 'Sign in with password' : 'Sign in'}
        </Button>
      </form>
      <p className="auth-note">New to this workspace? Ask an admin for an invitation link.</p>
    </AuthLayout>
  );
}
