import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';

/** The page's single h1, also used as the browser tab title. */
export function PageTitle({ title, extra }: { title: string; extra?: ReactNode }) {
  useDocumentTitle(title);
  return (
    <div
      style={{
        display: 'flex',
        flexWrap: 'wrap',
        gap: 8,
        alignItems: 'center',
        justifyContent: 'space-between',
        marginBottom: 16,
      }}
    >
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {title}
      </Typography.Title>
      {extra}
    </div>
  );
}
