// Previous / next buttons and the total under a cursor-paged table.
import { Button, Flex, Space, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

interface Props {
  page: number;
  pageSize: number;
  total: number;
  hasNext: boolean;
  loading?: boolean;
  onPrevious: () => void;
  onNext: () => void;
  testId?: string;
}

export function PagerBar({ page, pageSize, total, hasNext, loading, onPrevious, onNext, testId }: Props) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Flex justify="flex-end" align="center" gap={12} style={{ marginTop: 12 }} data-testid={testId}>
      <Typography.Text type="secondary" data-total={total}>
        {t('pager.summary', { total, page, pages })}
      </Typography.Text>
      <Space>
        <Button size="small" icon={<LeftOutlined />} disabled={page <= 1 || loading} onClick={onPrevious}>
          {t('pager.previous')}
        </Button>
        <Button size="small" disabled={!hasNext || loading} onClick={onNext}>
          {t('pager.next')} <RightOutlined />
        </Button>
      </Space>
    </Flex>
  );
}
