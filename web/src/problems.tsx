import { problemText as catalogueText, type ProblemLike } from '../../src/platform/problems/catalogue';
import { ApiError } from './api/errors';
import { useI18n, type Lang } from './i18n';

/**
 * What a person reads when something is refused: the catalogue's text for the problem's code
 * (src/platform/problems, the same catalogue the API docs' error table is written from), filled
 * from the problem's fields — never its `detail`, which is for developers. The code itself shows
 * only small and grey beside it, for support (ProblemCode). An unknown code (a newer server) reads
 * as a general sentence with the detail.
 */
export function problemText(e: unknown, lang: Lang): string {
  if (e instanceof ApiError) return catalogueText({ ...e.fields, code: e.code, status: e.status, detail: e.detail, errors: e.errors }, lang).text;
  if (isProblem(e)) return catalogueText(e, lang).text;
  // not an answer of the API: a bug of this page, said plainly rather than as a stack
  const detail = String((e as Error)?.message ?? e);
  return lang === 'en' ? `Something went wrong on this page (${detail}). Reload it and try again.` : `页面出错了（${detail}），请刷新后重试。`;
}

/** A redemption check's refusal (code, message, params) as the problem a redemption would get. */
export const checkProblem = (c: { code: string | null; message: string | null; params?: Record<string, unknown> | null }): ProblemLike => ({
  ...(c.params ?? {}),
  code: c.code,
  detail: c.message,
});

const isProblem = (e: unknown): e is ProblemLike => !!e && typeof e === 'object' && typeof (e as ProblemLike).code === 'string';

/** The code of an error, for the support tag; none for errors that are not the API's. */
export function problemCode(e: unknown): string | null {
  if (e instanceof ApiError) return e.code;
  return isProblem(e) ? (e.code ?? null) : null;
}

/** The problem's code, small and grey: for support, never the message. */
export function ProblemCode({ code }: { code: string | null | undefined }) {
  return code ? (
    <span className="kq-problem-code" data-testid="problem-code">
      {code}
    </span>
  ) : null;
}

/** A refusal as the person reads it, with its code for support. */
export function ProblemMessage({ error, lang }: { error: unknown; lang?: Lang }) {
  const i18n = useI18n();
  return (
    <span data-testid="problem-text">
      {problemText(error, lang ?? i18n.lang)} <ProblemCode code={problemCode(error)} />
    </span>
  );
}
