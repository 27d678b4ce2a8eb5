import { Alert } from 'antd';
import { ProblemMessage } from '../../problems';

/** A refusal inside a dialog, in the catalogue's words (never the detail), where the person is looking. */
export function Refusal({ error, testId = 'wholesale-error' }: { error: unknown; testId?: string }) {
  if (!error) return null;
  return <Alert type="error" showIcon style={{ marginBottom: 12 }} title={<ProblemMessage error={error} />} data-testid={testId} />;
}
