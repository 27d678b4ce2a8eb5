import type { ReactNode } from 'react';

export function PageTitle({ title, extra }: { title: string; extra?: ReactNode }) {
  return (
    <div className="kq-page-title">
      <h1>{title}</h1>
      <div>{extra}</div>
    </div>
  );
}
