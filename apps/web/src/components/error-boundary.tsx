// Last line of defence: a render error anywhere shows a readable message, never a white page.
import { Button, Result } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useI18n } from '../lib/i18n-provider.tsx';

/** Dynamic-import failures (an old tab after a deploy) get their own advice: reload. */
export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /dynamically imported module|Importing a module script failed|error loading dynamically/i.test(message);
}

export function CrashMessage({ error }: { error: unknown }) {
  const { t } = useI18n();
  return (
    <Result
      status="error"
      title={t('crash.title')}
      subTitle={isChunkLoadError(error) ? t('crash.chunk') : t('crash.text')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('crash.reload')}
        </Button>
      }
    />
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
