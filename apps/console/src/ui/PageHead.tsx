import type { ReactNode } from 'react';
import { Typography } from 'antd';

export function PageHead({ title, subtitle, extra }: { title: string; subtitle?: string; extra?: ReactNode }) {
  return (
    <header className="lx-page-head">
      <div>
        <h1>{title}</h1>
        {subtitle ? <Typography.Text type="secondary">{subtitle}</Typography.Text> : null}
      </div>
      {extra}
    </header>
  );
}
