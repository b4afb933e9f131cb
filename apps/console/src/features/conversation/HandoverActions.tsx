import { useEffect, useState } from 'react';
import { Alert, App, Button, Dropdown, Form, Input, Modal, Radio, Select } from 'antd';
import { DownOutlined, SwapOutlined, TeamOutlined, UserSwitchOutlined } from '@ant-design/icons';
import type { AgentView, ConversationView } from '@lingxi/contracts';
import type { z } from 'zod';
import type { TeamView } from '@lingxi/contracts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSignedIn } from '../../lib/session.tsx';
import { applyProblems } from '../../ui/applyProblems.ts';
import { errorText } from '../../ui/errorText.ts';

type Team = z.infer<typeof TeamView>;
type Dialog = 'transfer' | 'reassign' | null;
type TransferForm = { kind: 'agent' | 'team'; target: string; note?: string };

/** Hand the conversation on: transfer (anyone working it), reassign and join (supervisors and admins). */
export function HandoverActions({ conversation, onChanged, onJoined }: { conversation: ConversationView; onChanged(next: ConversationView): void; onJoined(): void }) {
  const { t, tryT } = useI18n();
  const { api, session } = useSignedIn();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [agents, setAgents] = useState<AgentView[]>([]);
  const [teams, setTeams] = useState<Team[]>([]);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [form] = Form.useForm<TransferForm>();
  const kind = Form.useWatch('kind', form) ?? 'agent';
  const supervisor = session.user.role !== 'agent';
  const mine = conversation.assigneeId === session.user.id;

  useEffect(() => {
    if (!dialog) return;
    setFailure(null);
    if (supervisor) api.team.agents().then((r) => setAgents(r.agents.filter((a) => a.userId !== session.user.id)), () => setAgents([]));
    api.team.teams().then((r) => setTeams(r.teams), () => setTeams([]));
  }, [dialog, api, supervisor, session.user.id]);

  const open = conversation.status === 'assigned' || conversation.status === 'queued';
  const items = [
    ...(open && (mine || supervisor) ? [{ key: 'transfer', icon: <SwapOutlined />, label: t('handover.transfer') }] : []),
    ...(open && supervisor ? [{ key: 'reassign', icon: <UserSwitchOutlined />, label: t('handover.reassign') }] : []),
    ...(conversation.status === 'assigned' && supervisor && !mine ? [{ key: 'join', icon: <TeamOutlined />, label: t('handover.join') }] : []),
  ];
  if (items.length === 0) return null;

  const join = async () => {
    try {
      const result = await api.conversations.join(conversation.id);
      onChanged(result.conversation);
      onJoined();
      void message.success(t('handover.joined'));
    } catch (error) {
      void message.error(errorText(error, tryT));
    }
  };

  const submit = async (values: TransferForm) => {
    setSaving(true);
    setFailure(null);
    try {
      const note = values.note?.trim() || undefined;
      const result =
        dialog === 'reassign'
          ? await api.conversations.reassign(conversation.id, values.target)
          : await api.conversations.transfer(conversation.id, values.kind === 'team' ? { toTeamId: values.target, note } : { toAgentId: values.target, note });
      onChanged(result.conversation);
      setDialog(null);
      form.resetFields();
      void message.success(t(dialog === 'reassign' ? 'handover.reassigned' : 'handover.transferred'));
    } catch (error) {
      applyProblems(form, error, ['note'], tryT);
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  const agentOptions = agents.map((a) => ({ value: a.userId, label: `${a.name} · ${t(`presence.${a.status}`)} · ${a.activeConversations}/${a.capacity}`, disabled: a.status === 'offline' }));
  return (
    <>
      <Dropdown trigger={['click']} menu={{ items, onClick: ({ key }) => (key === 'join' ? void join() : setDialog(key as Dialog)) }}>
        <Button>
          {t('handover.more')} <DownOutlined />
        </Button>
      </Dropdown>
      <Modal
        open={dialog !== null}
        title={dialog === 'reassign' ? t('handover.reassign') : t('handover.transfer')}
        okText={dialog === 'reassign' ? t('handover.reassign') : t('handover.transfer')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        onOk={() => form.submit()}
        onCancel={() => setDialog(null)}
        destroyOnHidden
        forceRender
      >
        {failure ? <Alert type="error" showIcon title={errorText(failure, tryT)} style={{ marginBottom: 12 }} /> : null}
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: supervisor ? 'agent' : 'team' }} name="handover">
          {dialog === 'transfer' ? (
            <Form.Item name="kind" label={t('handover.to')}>
              <Radio.Group optionType="button" onChange={() => form.setFieldValue('target', undefined)} options={[{ value: 'agent', label: t('handover.toAgent'), disabled: !supervisor }, { value: 'team', label: t('handover.toTeam') }]} />
            </Form.Item>
          ) : null}
          <Form.Item name="target" label={dialog === 'transfer' && kind === 'team' ? t('handover.toTeam') : t('handover.toAgent')} rules={[{ required: true, message: t('problem.is required') }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={dialog === 'transfer' && kind === 'team' ? teams.map((team) => ({ value: team.id, label: team.name })) : agentOptions}
              notFoundContent={t(dialog === 'transfer' && kind === 'team' ? 'handover.noTeams' : 'handover.noAgents')}
            />
          </Form.Item>
          {dialog === 'transfer' ? (
            <Form.Item name="note" label={t('handover.note')} extra={t('handover.noteHelp')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </>
  );
}
