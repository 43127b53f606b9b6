// Last line of defence: a render error anywhere shows a readable message, never a white page.
// It lives in the entry chunk and must work when no other chunk can load (an old tab after a
// deploy), so it draws antd Result's error layout itself from the theme tokens: antd's Result
// (with its large status illustrations) and Button would add ~20 KB gzip to every first visit.
import { CloseCircleFilled } from '@ant-design/icons';
import { theme } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useI18n } from '../lib/i18n-provider.tsx';

/** Dynamic-import failures (an old tab after a deploy) get their own advice: reload. */
export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /dynamically imported module|Importing a module script failed|error loading dynamically/i.test(message);
}

export function CrashMessage({ error }: { error: unknown }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  return (
    <div role="alert" style={{ padding: `${token.paddingLG * 2}px ${token.paddingXL}px`, textAlign: 'center' }}>
      <div
        style={{ marginBottom: token.paddingLG, color: token.colorError, fontSize: Number(token.fontSizeHeading3) * 3 }}
      >
        <CloseCircleFilled />
      </div>
      <div
        style={{
          color: token.colorTextHeading,
          fontSize: token.fontSizeHeading3,
          lineHeight: token.lineHeightHeading3,
          marginBlock: token.marginXS,
        }}
      >
        {t('crash.title')}
      </div>
      <div style={{ color: token.colorTextDescription, fontSize: token.fontSize, lineHeight: token.lineHeight }}>
        {isChunkLoadError(error) ? t('crash.chunk') : t('crash.text')}
      </div>
      <div style={{ marginTop: token.paddingLG }}>
        <button
          type="button"
          onClick={() => window.location.reload()}
          style={{
            height: token.controlHeight,
            padding: `0 ${token.paddingContentHorizontal - 1}px`,
            border: 'none',
            borderRadius: token.borderRadius,
            background: token.colorPrimary,
            color: token.colorTextLightSolid,
            fontFamily: 'inherit',
            fontSize: token.fontSize,
            cursor: 'pointer',
            boxShadow: `0 2px 0 ${token.colorPrimaryBg}`,
          }}
        >
          {t('crash.reload')}
        </button>
      </div>
    </div>
  );
}

export class ErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('render error', error, info.componentStack);
  }

  override render() {
    if (this.state.error) return <CrashMessage error={this.state.error} />;
    return this.props.children;
  }
}
