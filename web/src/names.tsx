import { message, Typography } from 'antd';
import { useT } from './i18n';

/**
 * Names where a person reads, ids only where one copies them (issue 11): the server answers names
 * beside the ids it sends (`actor_name`, `member_name`, `names`, `rules.store_names`), and every
 * screen shows them through here — the name, and a small copy button that carries the id.
 */
type T = (zh: string, en: string) => string;

/** Antd's copyable, saying 已复制 when it has copied (a message too: the tooltip alone is easy to miss). */
export function copyConfig(t: T, text: string) {
  return {
    text,
    tooltips: [t('复制', 'Copy'), t('已复制', 'Copied')] as [string, string],
    onCopy: () => message.success(t('已复制', 'Copied')),
  };
}

/** A copyable text (a secret, an approval id): the text itself and its copy button. */
export function Copyable({ text, testId, strong }: { text: string; testId?: string; strong?: boolean }) {
  const t = useT();
  return (
    <Typography.Text copyable={copyConfig(t, text)} className="kq-mono" strong={strong} data-testid={testId}>
      {text}
    </Typography.Text>
  );
}

/** Only the copy button for an id (no id text on the screen). */
export function CopyId({ id }: { id: string }) {
  const t = useT();
  // inside a clickable row, copying must not also open the row
  return (
    <Typography.Text
      className="kq-copy-id"
      onClick={(e) => e.stopPropagation()}
      copyable={{ ...copyConfig(t, id), tooltips: [t('复制 ID', 'Copy id'), t('已复制', 'Copied')] }}
    />
  );
}

/**
 * A record by its name, with its id behind a copy button. With no name (a record since deleted, or
 * one nobody names), a short form of the id stands in.
 */
export function Named({ id, name, empty = '—', testId }: { id: string | null | undefined; name?: string | null; empty?: string; testId?: string }) {
  if (!id) return <span className="kq-muted">{empty}</span>;
  return (
    <span className="kq-named" data-testid={testId}>
      {name ? <span>{name}</span> : <span className="kq-mono kq-muted">{shortId(id)}</span>}
      <CopyId id={id} />
    </span>
  );
}

/** `sto_01m87wteaw…` → `sto_…2pxp`: enough to tell two apart, never the whole id in a reading place. */
export const shortId = (id: string) => (id.length > 14 ? `${id.slice(0, id.indexOf('_') + 1)}…${id.slice(-4)}` : id);

/**
 * Who acted, for people: an operator, an API key, a member's wallet or the system, by name. `ref` is
 * an event's key_id (`opr_…`, `key_…`, `wallet:mem_…`) or an audit entry's actor (`operator:<username>`,
 * `key:<id>`, `member:<id>`).
 */
export function actorWords(t: T, ref: string | null | undefined, name: string | null | undefined): string {
  if (!ref) return t('系统', 'System');
  const id = ref.replace(/^(key|member|wallet|operator):/, '');
  const kind = ref.startsWith('operator:') || id.startsWith('opr_') ? 'operator' : id.startsWith('mem_') ? 'member' : id.startsWith('key_') ? 'key' : 'other';
  const who = name ?? (kind === 'operator' && ref.startsWith('operator:') ? id : shortId(id));
  if (kind === 'member') return t(`会员 ${who}`, `member ${who}`);
  if (kind === 'key') return t(`API 密钥「${who}」`, `API key “${who}”`);
  return who;
}
