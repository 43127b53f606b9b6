// A form in a dialog: Enter or the OK button submits, a failed save shows its reason inside the
// dialog and keeps every value typed, and only Cancel, × or Esc close it (a stray tap beside the
// dialog does not throw the typing away) — after asking, when something was typed; leaving the
// page with such a dialog open asks too (lib/use-leave-guard.ts). Closing forgets the values, so
// the next opening starts from its initial values. `SubmitModal` adds the shared submit flow (lib/use-dialog-submit.ts):
// check with the contract, save, say so, close.
import { Alert, App, Form, type FormInstance, Grid, Modal } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useI18n } from '../lib/i18n-provider.tsx';
import { type DialogSubmitOptions, useDialogSubmit } from '../lib/use-dialog-submit.ts';
import { useLeaveGuard } from '../lib/use-leave-guard.ts';

/** What every dialog is opened with. */
export interface DialogProps {
  open: boolean;
  onClose: () => void;
  /** After the closing animation, e.g. to unmount the dialog. */
  afterClose?: () => void;
}

interface FormModalProps<V> {
  open: boolean;
  title: ReactNode;
  form: FormInstance<V>;
  /** The form's name: field ids are `<name>_<field>`, which is what the labels point at. */
  name: string;
  initialValues?: Partial<V>;
  okText: string;
  saving: boolean;
  /** The form-level error (server refusal, network), shown above the buttons. */
  error: string | null;
  onSubmit: (values: V) => void;
  onCancel: () => void;
  /** After the closing animation, e.g. to unmount the dialog. */
  afterClose?: () => void;
  /** data-testid of the form; the OK button gets `<testId>-submit`. */
  testId: string;
  children: ReactNode;
}

export function FormModal<V>(props: FormModalProps<V>) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const phone = !Grid.useBreakpoint().sm;
  // Typed into since opened or last submitted.
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (!props.open) setDirty(false);
  }, [props.open]);
  const guard = useLeaveGuard(props.open && dirty);
  const cancel = () => {
    if (!dirty) {
      props.onCancel();
      return;
    }
    modal.confirm({
      title: t('leave.closeTitle'),
      content: t('leave.closeContent'),
      okText: t('leave.closeOk'),
      cancelText: t('leave.stay'),
      okButtonProps: { danger: true, 'data-testid': 'close-discard' },
      cancelButtonProps: { 'data-testid': 'close-stay' },
      onOk: props.onCancel,
    });
  };
  const okButtonProps = {
    htmlType: 'submit',
    loading: props.saving,
    'data-testid': `${props.testId}-submit`,
  } as const;
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText}
      cancelText={t('common.cancel')}
      okButtonProps={okButtonProps}
      onCancel={cancel}
      afterClose={props.afterClose}
      mask={{ closable: false }}
      destroyOnHidden
      // Phones get the full width less a margin; the page behind does not scroll.
      width={phone ? 'calc(100vw - 24px)' : 520}
      style={phone ? { top: 12, maxWidth: 'calc(100vw - 24px)' } : undefined}
      modalRender={(dialog) => (
        <Form<V>
          form={props.form}
          name={props.name}
          layout="vertical"
          size={phone ? 'large' : 'middle'}
          initialValues={props.initialValues}
          onValuesChange={() => setDirty(true)}
          onFinish={(values) => {
            setDirty(false);
            props.onSubmit(values);
          }}
          clearOnDestroy
          scrollToFirstError={{ block: 'center' }}
          data-testid={props.testId}
        >
          {dialog}
        </Form>
      )}
    >
      {guard}
      {props.children}
      {props.error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={props.error}
          data-testid="form-error"
          style={{ marginTop: 8 }}
        />
      )}
    </Modal>
  );
}

type SubmitModalProps<F extends string, V, I, R> = DialogProps &
  Omit<FormModalProps<V>, 'open' | 'error' | 'onSubmit' | 'onCancel' | 'afterClose'> &
  Omit<DialogSubmitOptions<F, V, I, R>, 'form' | 'onDone'>;

/** A form in a dialog that checks, saves and closes (or shows why not). */
export function SubmitModal<F extends string, V, I, R>(props: SubmitModalProps<F, V, I, R>) {
  const { error, onSubmit } = useDialogSubmit({ ...props, onDone: props.onClose });
  return <FormModal<V> {...props} error={error} onSubmit={onSubmit} onCancel={props.onClose} />;
}
