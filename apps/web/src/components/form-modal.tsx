// A form in a dialog: Enter or the OK button submits, a failed save shows its reason inside the
// dialog and keeps every value typed, and only Cancel, × or Esc close it (a stray tap beside the
// dialog does not throw the typing away). Closing forgets the values, so the next opening starts
// from its initial values.
import { Alert, Form, type FormInstance, Grid, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../lib/i18n-provider.tsx';

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
  const phone = !Grid.useBreakpoint().sm;
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
      onCancel={props.onCancel}
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
          onFinish={props.onSubmit}
          clearOnDestroy
          scrollToFirstError={{ block: 'center' }}
          data-testid={props.testId}
        >
          {dialog}
        </Form>
      )}
    >
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
