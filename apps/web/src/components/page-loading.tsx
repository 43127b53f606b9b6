import { Skeleton, theme } from 'antd';

/**
 * Placeholder while a page's code or first data loads. It is the route fallback of the entry
 * chunk, so it draws a borderless card's frame itself: antd's Card would bring Tabs (and with it
 * menus, dropdowns and forms) into the code every first visit waits for.
 */
export function PageLoading({ rows = 4 }: { rows?: number }) {
  const { token } = theme.useToken();
  return (
    <div
      aria-busy="true"
      style={{
        background: token.colorBgContainer,
        borderRadius: token.borderRadiusLG,
        boxShadow: token.boxShadowTertiary,
        padding: token.paddingLG,
      }}
    >
      <Skeleton active paragraph={{ rows }} />
    </div>
  );
}
