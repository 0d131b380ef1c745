import { ErrorState } from '../components/ui';
import { ApiError } from '../api/client';

export function NotFoundPage() {
  return <ErrorState error={new ApiError(404, { error: 'not_found', message: '' })} />;
}
