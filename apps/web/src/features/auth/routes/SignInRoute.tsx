import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { safeRedirectTarget, useCurrentUser } from '../../../lib/auth';
import { SignInForm } from '../components/SignInForm';
import { SignInScreen } from '../components/SignInScreen';

export function SignInRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const target = safeRedirectTarget(searchParams.get('next'));
  const { data: user, isPending } = useCurrentUser();
  useDocumentTitle(`${t('auth.title')} · ${t('app.name')}`);

  if (isPending) return <FullPageLoader />;
  if (user) return <Navigate to={target} replace />;

  return <SignInScreen form={<SignInForm onSignedIn={() => void navigate(target, { replace: true })} />} />;
}
