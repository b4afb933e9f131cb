import { useMemo, useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { TeamView } from '@lingxi/contracts';
import type { z } from 'zod';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSignedIn } from '../../lib/session.tsx';
import { applyProblems } from '../../ui/applyProblems.ts';
import { errorText } from '../../ui/errorText.ts';
import { PageHead } from '../../ui/PageHead.tsx';
import { EmptyState, ErrorState } from '../../ui/StateViews.tsx';
import { useResource } from '../../ui/useResource.ts';

type Team = z.infer<typeof TeamView>;

/** Settings → teams: list with members (from the agents' team ids), create (admins). */
export default function TeamsPage() {
  const { t, tryT, formatDateTime } = useI18n();
  const { api, session } = useSignedIn();
  const { message } = App.useApp();
  const canManage = session.user.role === 'admin';
  const data = useResource(async () => {
    const [teams, agents] = await Promise.all([api.team.teams(), api.team.agents()]);
    return { teams: teams.teams, agents: agents.agents };
  }, [api]);
  const [creating, setCreating] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [form] = Form.useForm<{ name: string }>();

  const members = useMemo(() => {
    const byTeam = new Map<string, string[]>();
    for (const agent of data.data?.agents ?? []) for (const id of agent.teamIds) byTeam.set(id, [...(byTeam.get(id) ?? []), agent.name]);
    return byTeam;
  }, [data.data]);

  const submit = async ({ name }: { name: string }) => {
    setSaving(true);
    setFailure(null);
    try {
      const { team } = await api.team.createTeam(name);
      data.setData((previous) => (previous ? { ...previous, teams: [...previous.teams, team] } : previous));
      setCreating(false);
      form.resetFields();
      void message.success(t('teams.createdToast', { name: team.name }));
    } catch (error) {
      applyProblems(form, error, ['name'], tryT);
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHead title={t('teams.title')} subtitle={t('teams.subtitle')} extra={canManage ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('teams.add')}</Button> : null} />
      <div className="lx-panel" style={{ padding: 16 }}>
        {data.error && !data.data ? (
          <ErrorState error={data.error} onRetry={data.reload} />
        ) : (
          <Table<Team>
            rowKey="id"
            size="middle"
            loading={data.loading}
            dataSource={data.data?.teams ?? []}
            pagination={false}
            locale={{ emptyText: data.loading ? ' ' : <EmptyState compact title={t('teams.empty')} /> }}
            columns={[
              { title: t('teams.name'), dataIndex: 'name', width: 240 },
              { title: t('teams.members'), key: 'members', render: (_, team) => (members.get(team.id) ?? []).map((name) => <Tag key={name}>{name}</Tag>) },
              { title: t('teams.created'), dataIndex: 'createdAt', width: 200, render: (at: string) => formatDateTime(at) },
            ]}
          />
        )}
      </div>
      <Modal open={creating} title={t('teams.createTitle')} okText={t('common.create')} cancelText={t('common.cancel')} confirmLoading={saving} onOk={() => form.submit()} onCancel={() => setCreating(false)} forceRender destroyOnHidden>
        {failure ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(failure, tryT)} /> : null}
        <Form form={form} layout="vertical" onFinish={submit} name="create-team">
          <Form.Item label={t('teams.name')} name="name" rules={[{ required: true, whitespace: true, message: t('problem.is required') }]}>
            <Input maxLength={60} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
