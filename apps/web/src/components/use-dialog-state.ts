// Which dialog a page shows. Closing starts the modal's closing animation; the dialog is unmounted
// once it ends (afterClose), unless another dialog opened meanwhile.
import { useState } from 'react';

export function useDialogState<D>() {
  const [dialog, setDialog] = useState<D | null>(null);
  const [open, setOpen] = useState(false);
  const openDialog = (next: D) => {
    setDialog(next);
    setOpen(true);
  };
  const dialogProps = (current: D) => ({
    open,
    onClose: () => setOpen(false),
    afterClose: () => setDialog((shown) => (shown === current ? null : shown)),
  });
  return { dialog, openDialog, dialogProps };
}
