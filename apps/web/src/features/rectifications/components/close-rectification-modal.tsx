// 整改完成: the closing note in a dialog; the server refuses (409) while the record has no evidence.
import { CloseRectificationInputSchema, type Rectification } from '@dutyboard/contracts/rectifications';
import { ClosingNoteModal } from '../../../components/closing-note-modal.tsx';
import { useCloseRectification } from '../api/save-rectification.ts';

export function CloseRectificationModal({
  item,
  open,
  onClose,
}: {
  item: Rectification;
  open: boolean;
  onClose: () => void;
}) {
  const close = useCloseRectification(item.id, item.version);
  return (
    <ClosingNoteModal
      schema={CloseRectificationInputSchema}
      save={(input, idempotencyKey) => close.mutateAsync({ input, idempotencyKey })}
      saving={close.isPending}
      text={{
        title: 'rectifications.closeTitle',
        ok: 'rectifications.closeOk',
        label: 'rectifications.closingNote',
        placeholder: 'rectifications.closingNotePlaceholder',
        done: 'rectifications.closed',
      }}
      hint="rectifications.closeHint"
      conflict="rectifications.closeConflict"
      name="rectification_close"
      testId="rectification-close-form"
      open={open}
      onClose={onClose}
    />
  );
}
