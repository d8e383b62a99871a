import { useState } from 'react';
import { useMutation } from 'urql';
import { LoginMutation, RegisterMutation } from '../operations/session';
import { Link, useRouter } from '../app/router';
import { useSession } from '../app/session';
import { PageHeading } from '../components/PageHeading';
import { Field } from '../components/Field';
import { UserErrors, describeError } from '../components/states';
import { userErrorMessage } from '../lib/error-messages';

/** Only same-site paths are followed after sign-in, so a crafted ?next= cannot send the shopper elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const { signIn } = useSession();
  const { location, navigate } = useRouter();
  const next = safeNext(location.search.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [{ fetching, data, error }, login] = useMutation(LoginMutation);
  return (
    <section className="narrow-page">
      <PageHeading>Iniciar sesión</PageHeading>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          const result = await login({ email: email.trim(), password });
          const token = result.data?.login.token;
          if (token) {
            signIn(token);
            navigate(next, { replace: true });
          }
        }}
      >
        <Field label="Correo electrónico" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <Field label="Contraseña" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        <UserErrors errors={data?.login.errors} />
        {error && <p role="alert" className="field-error">{describeError(error)}</p>}
        <button type="submit" className="button" disabled={fetching}>
          {fetching ? 'Entrando…' : 'Entrar'}
        </button>
      </form>
      <p>
        ¿No tienes cuenta? <Link to={`/register${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}>Regístrate</Link>
      </p>
    </section>
  );
}

export function RegisterPage() {
  const { signIn } = useSession();
  const { location, navigate } = useRouter();
  const next = safeNext(location.search.get('next'));
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [seller, setSeller] = useState(location.search.get('seller') === '1');
  const [{ fetching, data, error }, register] = useMutation(RegisterMutation);
  const fieldError = (field: string) => {
    const error = data?.register.errors.find((e) => e.field?.includes(field));
    return error && userErrorMessage(error);
  };
  return (
    <section className="narrow-page">
      <PageHeading>Crear una cuenta</PageHeading>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          const result = await register({ input: { name: name.trim(), email: email.trim(), password, roles: seller ? ['CUSTOMER', 'SELLER'] : ['CUSTOMER'] } });
          const token = result.data?.register.token;
          if (token) {
            signIn(token);
            navigate(seller ? '/seller' : next, { replace: true });
          }
        }}
      >
        <Field label="Nombre" autoComplete="name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} error={fieldError('name')} />
        <Field label="Correo electrónico" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={fieldError('email')} />
        <Field
          label="Contraseña"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          hint="Al menos 8 caracteres."
          error={fieldError('password')}
        />
        <div className="checkbox">
          <input id="register-seller" type="checkbox" checked={seller} onChange={(e) => setSeller(e.target.checked)} />
          <label htmlFor="register-seller">Quiero vender mis artesanías (abrir una tienda)</label>
        </div>
        <UserErrors errors={data?.register.errors} />
        {error && <p role="alert" className="field-error">{describeError(error)}</p>}
        <button type="submit" className="button" disabled={fetching}>
          {fetching ? 'Creando cuenta…' : 'Crear cuenta'}
        </button>
      </form>
      <p>
        ¿Ya tienes cuenta? <Link to="/signin">Inicia sesión</Link>
      </p>
    </section>
  );
}
