import { useMutation, useQueryClient } from '@tanstack/react-query';
import { formProblem } from '../../app/formProblem.ts';
import { rememberSession } from '../../app/session.tsx';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { useFormValues } from '../../app/useFormValues.ts';
import { Button } from '../../components/ui/Button.tsx';
import { FormMessage, TextField } from '../../components/ui/Field.tsx';
import { AuthLayout } from './AuthLayout.tsx';
import { signIn } from './auth.api.ts';
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

  return (
    <AuthLayout title="Sign in to Landfall" subtitle="Welcome back. Pick up where your customers left off.">
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
        <Button type="submit" variant="primary" className="btn-block" busy={mutation.isPending}>
          Sign in
        </Button>
      </form>
      <p className="auth-note">New to this workspace? Ask an admin for an invitation link.</p>
    </AuthLayout>
  );
}
