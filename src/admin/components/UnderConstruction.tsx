import { Card, Typography } from 'antd';
import { PageTitle } from './PageTitle.tsx';

export function UnderConstruction({ title, sentence }: { title: string; sentence: string }) {
  return (
    <>
      <PageTitle title={title} />
      <Card>
        <Typography.Paragraph style={{ margin: 0 }}>{sentence}</Typography.Paragraph>
      </Card>
    </>
  );
}
