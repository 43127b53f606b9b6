// Everything the app runs inside: error boundary, query cache, language, antd theme and locale.
// antd's App (the message, modal and notification hooks pages use) wraps the signed-in frame
// instead (app/layout.tsx): its modal code brings antd's form library, which the entry chunk
// every first visit waits for should not carry. The base text styles App would give the page
// are set here from the same theme tokens.
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { theme as antdTheme, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { type ReactNode, useState } from 'react';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { COLORS, CSS_COLOR_VARIABLES, PRESET_TAG_TEXT } from '../lib/colors.ts';
import { I18nProvider, useI18n } from '../lib/i18n-provider.tsx';
import { createQueryClient } from '../lib/query-client.ts';

// Our stylesheets read the palette as CSS variables; on the root element, so the page background
// (html, body) has them before React renders anything.
for (const [name, value] of Object.entries(CSS_COLOR_VARIABLES)) {
  document.documentElement.style.setProperty(name, value);
}

/** antd's seed and text colours from the one palette (lib/colors.ts), all AA as text. */
const theme = {
  components: {
    // A table's "no data" line is written in the disabled grey (2.3:1), though it is not disabled.
    Table: { colorTextDisabled: COLORS.textTertiary },
  },
  token: {
    colorPrimary: COLORS.primary,
    colorPrimaryHover: COLORS.primaryHover,
    colorPrimaryActive: COLORS.primaryActive,
    colorInfo: COLORS.primary,
    colorLink: COLORS.primary,
    colorLinkHover: COLORS.primaryHover,
    colorLinkActive: COLORS.primaryActive,
    // The status seeds are dark enough to be text; antd would derive greyish tints from them,
    // so their tints and borders are set too.
    colorSuccess: COLORS.success,
    colorSuccessBg: COLORS.successBackground,
    colorSuccessBorder: COLORS.successBorder,
    colorWarning: COLORS.warning,
    colorWarningBg: COLORS.warningBackground,
    colorWarningBorder: COLORS.warningBorder,
    colorError: COLORS.error,
    colorErrorBg: COLORS.errorBackground,
    colorErrorBorder: COLORS.errorBorder,
    colorText: COLORS.text,
    colorTextSecondary: COLORS.textSecondary,
    colorTextTertiary: COLORS.textTertiary,
    colorTextDescription: COLORS.textTertiary,
    colorTextPlaceholder: COLORS.textTertiary,
    // antd keeps each palette shade under two names (`gold7`, `gold-7`) that become one CSS
    // variable; both must change or the untouched one may win.
    ...Object.fromEntries(
      Object.entries(PRESET_TAG_TEXT).flatMap(([name, { text }]) => [
        [`${name}7`, text],
        [`${name}-7`, text],
      ]),
    ),
    colorBgLayout: COLORS.pageBackground,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
};

function AntdConfig({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  return (
    <ConfigProvider
      locale={lang === 'zh' ? zhCN : enUS}
      theme={theme}
      // antd would render "登录" as "登 录"; labels must read exactly as written.
      button={{ autoInsertSpace: false }}
    >
      <BaseText>{children}</BaseText>
    </ConfigProvider>
  );
}

/** What antd's App sets on its wrapper: text colour, size, line height and font. */
function BaseText({ children }: { children: ReactNode }) {
  const { token } = antdTheme.useToken();
  return (
    <div
      style={{
        color: token.colorText,
        fontSize: token.fontSize,
        lineHeight: token.lineHeight,
        fontFamily: token.fontFamily,
      }}
    >
      {children}
    </div>
  );
}

/** `queryClient`: the cache main.tsx already started reads in (a fresh one when absent). */
export function AppProvider({ children, queryClient: given }: { children: ReactNode; queryClient?: QueryClient }) {
  const [queryClient] = useState(() => given ?? createQueryClient());
  return (
    <I18nProvider>
      <AntdConfig>
        <ErrorBoundary>
          <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
        </ErrorBoundary>
      </AntdConfig>
    </I18nProvider>
  );
}
