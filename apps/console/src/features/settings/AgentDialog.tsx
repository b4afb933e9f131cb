import { Button, Checkbox, Form, Input, InputNumber, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { AgentView, TeamView } from '@lingxi/contracts';
import type { z } from 'zod';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Problem } from '../../lib/api/client.ts';
import { useSignedIn } from '../../lib/session.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';

type Values = { capacity: number; skills: { name: string; level: number }[]; languages: ('zh-CN' | 'en-US')[]; teamIds: string[] };

/** PUT /api/v1/agents/:id with every field; problems about a skill name land on that skill's row. */
export function AgentDialog({ agent, teams, onClose, onSaved }: { agent: AgentView | null; teams: readonly z.infer<typeof TeamView>[]; onClose(): void; onSaved(agent: AgentView): void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();

  const submit = async (values: Values) => {
    if (!agent) return;
    const skills = values.skills ?? [];
    const change = { capacity: values.capacity, skills: Object.fromEntries(skills.map((s) => [s.name.trim(), s.level])), languages: values.languages ?? [], teamIds: values.teamIds ?? [] };
    onSaved((await api.team.updateAgent(agent.userId, change)).agent);
  };
  // The server names a skill by its name (body.skills.售后); the form knows it by its row.
  const placeProblems = (problems: readonly Problem[], values: Values) =>
    problems.map((p) => {
      const skill = /^body\.skills\.(.+)$/.exec(p.path)?.[1];
      const row = skill === undefined ? -1 : (values.skills ?? []).findIndex((s) => s.name.trim() === skill);
      return row >= 0 ? { ...p, path: `body.skills.${row}.level` } : p;
    });

  return (
    <FormDialog<Values>
      open={agent !== null}
      title={agent ? t('agents.editTitle', { name: agent.name }) : ''}
      name="agent"
      width={560}
      fill={
        agent
          ? {
              capacity: agent.capacity,
              skills: Object.entries(agent.skills).map(([name, level]) => ({ name, level })),
              languages: agent.languages.filter((l): l is 'zh-CN' | 'en-US' => l === 'zh-CN' || l === 'en-US'),
              teamIds: agent.teamIds,
            }
          : undefined
      }
      fields={['capacity', 'skills', 'languages', 'teamIds']}
      placeProblems={placeProblems}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item label={t('agents.capacity')} name="capacity" extra={t('agents.capacityHelp')} rules={[{ required: true, message: t('problem.is required') }]}>
        <InputNumber min={0} max={50} precision={0} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item label={t('agents.skills')} required={false}>
        <Form.List name="skills">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: t('problem.is required') }]} style={{ marginBottom: 8 }}>
                    <Input placeholder={t('agents.skill')} aria-label={t('agents.skill')} maxLength={40} style={{ width: 220 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'level']} rules={[{ required: true, message: t('problem.is required') }]} style={{ marginBottom: 8 }}>
                    <InputNumber min={1} max={5} precision={0} placeholder={t('agents.level')} aria-label={t('agents.level')} style={{ width: 110 }} />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label={t('canned.delete')} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', level: 3 })}>{t('agents.addSkill')}</Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item label={t('agents.languages')} name="languages">
        <Checkbox.Group options={[{ value: 'zh-CN', label: '中文' }, { value: 'en-US', label: 'English' }]} />
      </Form.Item>
      <Form.Item label={t('agents.teams')} name="teamIds">
        <Select mode="multiple" allowClear options={teams.map((team) => ({ value: team.id, label: team.name }))} notFoundContent={t('handover.noTeams')} />
      </Form.Item>
    </FormDialog>
  );
}
