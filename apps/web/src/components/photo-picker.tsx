// Photos inside a create form (issue 16.1): camera or gallery, several at once, kept beside the
// form's values until the record is saved; then they upload on their own while the user lands on
// the record, whose evidence panel shows their progress and offers a retry (lib/pending-uploads.ts,
// attachments-panel.tsx), so a poor connection never costs the record. Files the server would
// refuse (size, type) are said at once and not kept.
import { CameraOutlined, CloseOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Typography } from 'antd';
import { type ChangeEvent, type CSSProperties, useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../lib/i18n-provider.tsx';
import { formatBytes, rejectionOf } from './attachments-panel.tsx';

export interface PhotoChoice {
  files: File[];
  onChange: (files: File[]) => void;
}

const hidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  opacity: 0,
};

const rowStyle: CSSProperties = {
  display: 'flex',
  alignItems: 'center',
  gap: 12,
  padding: 4,
  border: '1px solid #f0f0f0',
  borderRadius: 8,
  background: '#fff',
};

export function PhotoPicker({ files, onChange, testId }: PhotoChoice & { testId: string }) {
  const { t } = useI18n();
  const inputRef = useRef<HTMLInputElement>(null);
  const [refused, setRefused] = useState<string[]>([]);
  // One preview address per file, released when the file leaves the list or the form closes.
  const previews = useMemo(() => files.map((file) => URL.createObjectURL(file)), [files]);
  useEffect(
    () => () => {
      for (const url of previews) URL.revokeObjectURL(url);
    },
    [previews],
  );

  const onChoose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(event.target.files ?? [])];
    // Cleared, so the same photo can be chosen again after removing it.
    event.target.value = '';
    const kept: File[] = [];
    const said: string[] = [];
    for (const file of chosen) {
      const rejection = rejectionOf(file);
      if (rejection?.kind === 'rejected') said.push(t(rejection.key, rejection.vars));
      else kept.push(file);
    }
    setRefused(said);
    if (kept.length > 0) onChange([...files, ...kept]);
  };

  return (
    <Form.Item label={t('records.photos.label')} extra={t('records.photos.hint')}>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }} data-testid={`${testId}-photos`}>
        {files.map((file, index) => (
          <div key={previews[index]} style={rowStyle} data-testid={`${testId}-photo`}>
            <img
              src={previews[index]}
              alt=""
              width={56}
              height={56}
              style={{ objectFit: 'cover', borderRadius: 4, flex: '0 0 auto' }}
            />
            <div style={{ flex: '1 1 auto', minWidth: 0 }}>
              <Typography.Text ellipsis style={{ display: 'block' }}>
                {file.name}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatBytes(file.size)}
              </Typography.Text>
            </div>
            <Button
              type="text"
              icon={<CloseOutlined />}
              aria-label={t('records.photos.remove', { name: file.name })}
              onClick={() => onChange(files.filter((_, i) => i !== index))}
              style={{ width: 44, height: 44, flex: '0 0 auto' }}
            />
          </div>
        ))}
        {refused.map((text) => (
          <Alert key={text} type="error" showIcon title={text} data-testid={`${testId}-photo-refused`} />
        ))}
        <Button
          size="large"
          icon={<CameraOutlined />}
          onClick={() => inputRef.current?.click()}
          data-testid={`${testId}-photos-add`}
          style={{ height: 48 }}
          block
        >
          {files.length === 0 ? t('records.photos.add') : t('records.photos.addMore')}
        </Button>
        {/* No `capture`: a phone then offers the camera as well as the gallery. */}
        <input
          ref={inputRef}
          type="file"
          accept="image/*"
          multiple
          tabIndex={-1}
          aria-hidden="true"
          style={hidden}
          data-testid={`${testId}-photos-input`}
          onChange={onChoose}
        />
      </div>
    </Form.Item>
  );
}
