import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Form, Modal, type FormProps } from 'antd';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { Problem } from '../lib/api/client.ts';
import { applyProblems } from './applyProblems.ts';
import { errorText, problemText } from './errorText.ts';

type FormDialogProps<V> = {
  open: boolean;
  title: ReactNode;
  /** The form's name (field ids are `${name}_${field}`). */
  name: string;
  okText?: string;
  width?: number;
  /** Values put in the form each time the dialog opens (after a reset to `initialValues`). */
  fill?: Partial<V>;
  initialValues?: Partial<V>;
  requiredMark?: FormProps['requiredMark'];
  /** Unmount the fields when closed (a fresh form each time). */
  destroyOnHidden?: boolean;
  /** The fields that show the server's problems about them; the rest go in the alert above the form. */
  fields: readonly string[];
  /** Renames the server's problem paths to the form's fields (e.g. body.text.zh-CN → body.zh), given what was sent. */
  placeProblems?(problems: readonly Problem[], values: V): Problem[];
  /** Sends the values; a failure it throws is shown on the fields and above the form, and the dialog stays open. */
  onSubmit(values: V): Promise<void>;
  onClose(): void;
  children: ReactNode;
};

/** A modal with one form: submit on OK (or Enter), a spinner while it saves, the server's problems on the fields they are about. */
export function FormDialog<V extends object>({ open, title, name, okText, width, fill, initialValues, requiredMark, destroyOnHidden, fields, placeProblems, onSubmit, onClose, children }: FormDialogProps<V>) {
  const { t, tryT } = useI18n();
  const [form] = Form.useForm<V>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<{ error: unknown; general: Problem[] } | null>(null);
  const fillRef = useRef(fill);
  fillRef.current = fill;

  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    if (fillRef.current) form.setFieldsValue(fillRef.current as never);
  }, [open, form]);

  const submit = async (values: V) => {
    setSaving(true);
    setFailure(null);
    try {
      await onSubmit(values);
    } catch (error) {
      setFailure({ error, general: applyProblems(form, error, fields, tryT, placeProblems ? (problems) => placeProblems(problems, values) : undefined) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title={title} okText={okText ?? t('common.save')} cancelText={t('common.cancel')} confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} forceRender destroyOnHidden={destroyOnHidden} width={width}>
      {failure ? (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(failure.error, tryT)} description={failure.general.length ? failure.general.map((p) => problemText(p, tryT)).join('; ') : undefined} />
      ) : null}
      <Form form={form} layout="vertical" onFinish={submit} name={name} initialValues={initialValues} requiredMark={requiredMark}>
        {children}
      </Form>
    </Modal>
  );
}
