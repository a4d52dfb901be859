import { App, Button, Card, InputNumber, Space } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../admin/api/client.ts';
import { useLoad } from '../../../admin/lib/useLoad.ts';
import { fetchSettings, saveSettings } from './api.ts';

/** The feedback deadline (a local policy): working days after the comment period closes. */
export function SettingsCard() {
  const { data, reload } = useLoad(() => fetchSettings(), []);
  const [days, setDays] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  if (!data) return null;
  const editable = data.canEdit;
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Space wrap>
        <label htmlFor="feedback-days">意见采纳情况应在征求意见结束后</label>
        <InputNumber
          id="feedback-days"
          min={1}
          max={60}
          disabled={!editable}
          value={days ?? data.feedbackWorkingDays}
          onChange={(v) => setDays(v)}
        />
        <span>个工作日内发布</span>
        {editable && (
          <Button
            loading={saving}
            disabled={days === null || days === data.feedbackWorkingDays}
            onClick={async () => {
              setSaving(true);
              try {
                await saveSettings(days ?? data.feedbackWorkingDays);
                message.success('已保存');
                setDays(null);
                reload();
              } catch (e) {
                message.error(errorMessage(e));
              } finally {
                setSaving(false);
              }
            }}
          >
            保存设置
          </Button>
        )}
      </Space>
    </Card>
  );
}
