// 办结: the closing note of a task without a rule (its evidence is already attached).
import { type Assignment, CloseAssignmentInputSchema } from '@dutyboard/contracts/assignments';
import { ClosingNoteModal } from '../../../components/closing-note-modal.tsx';
import { useCloseAssignment } from '../api/assignments.ts';

interface CloseModalProps {
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
  assignment: Assignment;
}

export function CloseModal({ open, onClose, afterClose, assignment }: CloseModalProps) {
  const close = useCloseAssignment(assignment.id, assignment.version);
  return (
    <ClosingNoteModal
      schema={CloseAssignmentInputSchema}
      save={(input, key) => close.mutateAsync({ input, key })}
      saving={close.isPending}
      text={{
        title: 'assignments.closeTitle',
        ok: 'assignments.close',
        label: 'assignments.closingNote',
        placeholder: 'assignments.closeNotePlaceholder',
        done: 'assignments.closed',
      }}
      name="assignment_close"
      testId="assignment-close-form"
      noteTestId="assignment-closing-note"
      open={open}
      onClose={onClose}
      afterClose={afterClose}
    />
  );
}
