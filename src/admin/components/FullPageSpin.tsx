import { Flex, Spin } from 'antd';

export function FullPageSpin({ tip = '正在加载…' }: { tip?: string }) {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" description={tip} />
    </Flex>
  );
}
