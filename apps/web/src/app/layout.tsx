// The signed-in frame: header (product, user, language, sign-out) and navigation that follows
// the user's permissions. Below 768 px the navigation moves into a drawer.
import {
  AimOutlined,
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CarryOutOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FileZipOutlined,
  FormOutlined,
  HistoryOutlined,
  HomeOutlined,
  ImportOutlined,
  MenuOutlined,
  NotificationOutlined,
  PlusOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  ScheduleOutlined,
  SendOutlined,
  TableOutlined,
  TeamOutlined,
  ToolOutlined,
  TrophyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { Me } from '@dutyboard/contracts/auth';
import { IMPORT_KINDS, IMPORT_PERMISSIONS } from '@dutyboard/contracts/imports';
import { ROLE_LABELS } from '@dutyboard/contracts/labels';
import { App as AntdApp, Button, Drawer, Grid, Menu, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { Link, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { LanguageToggle } from '../components/language-toggle.tsx';
import { NotificationBell } from '../components/notification-bell.tsx';
import { can, logout, oversees, roleHome } from '../lib/auth.ts';
import { useCurrentUser } from '../lib/current-user.tsx';
import type { Lang, MessageKey, TranslateVars } from '../lib/i18n.ts';
import { useI18n } from '../lib/i18n-provider.tsx';
import { rankedWordsOf } from '../lib/levels.ts';
import { RequireAuth } from './require-auth.tsx';
import './touch.css';

type NavGroup = 'records' | 'risk' | 'plan' | 'admin';

interface NavItem {
  path: string;
  label: MessageKey;
  /** What fills the label's placeholders, for this user (the levels they rank). */
  vars?: (me: Me, lang: Lang) => TranslateVars;
  icon: ReactNode;
  visible: (me: Me) => boolean;
  /** Entries of a group share one submenu, so the header stays one short row. */
  group?: NavGroup;
}

const GROUPS: Record<NavGroup, { label: MessageKey; icon: ReactNode }> = {
  records: { label: 'nav.group.records', icon: <TableOutlined /> },
  risk: { label: 'nav.group.risk', icon: <SafetyOutlined /> },
  plan: { label: 'nav.group.plan', icon: <CarryOutOutlined /> },
  admin: { label: 'nav.group.admin', icon: <ApartmentOutlined /> },
};

const importsAdmin = (me: Me) => can(me, IMPORT_PERMISSIONS.orgs) || can(me, IMPORT_PERMISSIONS.users);
const importsAny = (me: Me) => IMPORT_KINDS.some((kind) => can(me, IMPORT_PERMISSIONS[kind]));

const NAV: NavItem[] = [
  {
    path: '/home',
    label: 'home.nav',
    icon: <HomeOutlined />,
    visible: (me) => roleHome(me.role) === '/home',
  },
  {
    path: '/dashboard',
    label: 'nav.dashboard',
    icon: <BarChartOutlined />,
    visible: (me) => can(me, 'dashboard:read'),
  },
  {
    path: '/activities',
    label: 'nav.activities',
    icon: <TableOutlined />,
    visible: (me) => can(me, 'activity:read'),
    group: 'records',
  },
  {
    path: '/study-sessions',
    label: 'studySessions.nav',
    icon: <ReadOutlined />,
    visible: (me) => can(me, 'study:read'),
    group: 'records',
  },
  {
    path: '/publicity',
    label: 'publicity.nav',
    icon: <NotificationOutlined />,
    visible: (me) => can(me, 'publicity:read'),
    group: 'records',
  },
  {
    path: '/risk-points',
    label: 'riskPoints.nav',
    icon: <SafetyOutlined />,
    visible: (me) => can(me, 'riskpoint:read'),
    group: 'risk',
  },
  {
    path: '/risk-points/checks',
    label: 'riskPoints.navChecks',
    icon: <FileSearchOutlined />,
    visible: (me) => can(me, 'riskpoint:read'),
    group: 'risk',
  },
  {
    path: '/risk-alerts',
    label: 'riskAlerts.nav',
    icon: <AlertOutlined />,
    visible: (me) => can(me, 'alert:read'),
    group: 'risk',
  },
  {
    path: '/rectifications',
    label: 'rectifications.nav',
    icon: <ToolOutlined />,
    visible: (me) => can(me, 'rectification:read'),
    group: 'risk',
  },
  {
    path: '/committee-meetings',
    label: 'meetings.nav',
    icon: <TeamOutlined />,
    visible: (me) => can(me, 'meeting:read'),
    group: 'plan',
  },
  {
    path: '/accountability',
    label: 'accountability.nav',
    icon: <AuditOutlined />,
    visible: (me) => can(me, 'accountability:read'),
    group: 'risk',
  },
  {
    path: '/event-approvals',
    label: 'eventApprovals.nav',
    icon: <AuditOutlined />,
    visible: (me) => can(me, 'event:read'),
    group: 'risk',
  },
  {
    path: '/assignments',
    label: 'assignments.nav',
    icon: <CarryOutOutlined />,
    visible: (me) => can(me, 'assignment:read'),
    group: 'plan',
  },
  {
    path: '/targets',
    label: 'targets.nav',
    icon: <AimOutlined />,
    visible: (me) => can(me, 'target:read'),
    group: 'plan',
  },
  {
    path: '/duties',
    label: 'duties.nav',
    icon: <ScheduleOutlined />,
    visible: (me) => can(me, 'duty:read'),
    group: 'plan',
  },
  {
    path: '/evidence-packs',
    label: 'evidencePacks.nav',
    icon: <FileZipOutlined />,
    visible: (me) => can(me, 'dashboard:read'),
    group: 'plan',
  },
  {
    path: '/assessments',
    label: 'assessments.nav',
    icon: <TrophyOutlined />,
    visible: (me) => can(me, 'assessment:read'),
    group: 'plan',
  },
  {
    path: '/reports/summary',
    label: 'reports.nav',
    icon: <FileTextOutlined />,
    visible: (me) => can(me, 'dashboard:read'),
    group: 'plan',
  },
  {
    path: '/reports/submissions',
    label: 'reports.submissionsNav',
    icon: <SendOutlined />,
    visible: (me) => can(me, 'dashboard:read'),
    group: 'plan',
  },
  {
    path: '/branches',
    label: 'nav.branches',
    vars: (me, lang) => rankedWordsOf(me.org.kind, lang),
    icon: <TeamOutlined />,
    visible: (me) => oversees(me) && can(me, 'dashboard:read'),
  },
  {
    path: '/activities/new',
    label: 'nav.newActivity',
    icon: <PlusOutlined />,
    visible: (me) => can(me, 'activity:write'),
    group: 'records',
  },
  {
    path: '/study-sessions/new',
    label: 'studySessions.navNew',
    icon: <FormOutlined />,
    visible: (me) => can(me, 'study:write'),
    group: 'records',
  },
  {
    path: '/admin/users',
    label: 'nav.adminUsers',
    icon: <UserOutlined />,
    visible: (me) => can(me, 'user:manage'),
    group: 'admin',
  },
  {
    path: '/admin/orgs',
    label: 'nav.adminOrgs',
    icon: <ApartmentOutlined />,
    visible: (me) => can(me, 'org:manage'),
    group: 'admin',
  },
  {
    path: '/oplog',
    label: 'oplog.nav',
    icon: <HistoryOutlined />,
    visible: (me) => can(me, 'oplog:read'),
    group: 'admin',
  },
  {
    path: '/audit',
    label: 'audit.nav',
    icon: <SafetyCertificateOutlined />,
    visible: (me) => can(me, 'audit:read'),
    group: 'admin',
  },
  // 数据导入: one page; under 系统管理 for whoever imports orgs or users, under 工作台账 for
  // whoever imports records only.
  {
    path: '/imports',
    label: 'imports.nav',
    icon: <ImportOutlined />,
    visible: (me) => importsAdmin(me),
    group: 'admin',
  },
  {
    path: '/imports',
    label: 'imports.nav',
    icon: <ImportOutlined />,
    visible: (me) => !importsAdmin(me) && importsAny(me),
    group: 'records',
  },
];

/** The nav entry the current path belongs to: the longest matching prefix. */
function selectedPath(pathname: string, items: NavItem[]): string[] {
  const match = items
    .filter((item) => pathname === item.path || pathname.startsWith(`${item.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];
  return match ? [match.path] : [];
}

async function signOut() {
  try {
    await logout();
  } finally {
    try {
      // Unsaved form drafts are the only thing this app keeps in sessionStorage.
      sessionStorage.clear();
    } catch {
      // Storage unavailable: nothing was kept.
    }
    // A full reload also drops every cached answer of the previous user.
    window.location.assign('/login');
  }
}

export function AppLayout() {
  const me = useCurrentUser();
  const { t, lang, nameOf } = useI18n();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  const mobile = !screens.md;
  const [drawerOpen, setDrawerOpen] = useState(false);

  const items = NAV.filter((item) => item.visible(me));
  const entry = (item: NavItem) => ({
    key: item.path,
    icon: item.icon,
    label: (
      <Link to={item.path} onClick={() => setDrawerOpen(false)}>
        {t(item.label, item.vars?.(me, lang))}
      </Link>
    ),
  });
  // Grouped entries become one submenu per group (a group with a single entry stays flat), in
  // the order the group first appears.
  const menuItems: ReturnType<typeof entry | typeof submenu>[] = [];
  const seen = new Set<NavGroup>();
  function submenu(group: NavGroup, members: NavItem[]) {
    return {
      key: `group:${group}`,
      icon: GROUPS[group].icon,
      label: t(GROUPS[group].label),
      children: members.map(entry),
    };
  }
  for (const item of items) {
    if (!item.group) {
      menuItems.push(entry(item));
      continue;
    }
    if (seen.has(item.group)) continue;
    seen.add(item.group);
    const members = items.filter((other) => other.group === item.group);
    menuItems.push(members.length === 1 ? entry(item) : submenu(item.group, members));
  }
  // With an admin's five entries the full product name would push some of them into the overflow
  // menu (English at any width, Chinese below 1200 px), so the header then shows the short name.
  const longNav = menuItems.length > 4;
  const shortBrand = lang === 'en' ? mobile || longNav : !mobile && longNav && !screens.xl;
  const selectedKeys = selectedPath(pathname, items);
  const userLine = (
    <span className="db-user" data-testid="current-user">
      {me.displayName} <Tag style={{ marginInlineEnd: 0 }}>{nameOf(ROLE_LABELS, me.role)}</Tag>
    </span>
  );
  // 我的登录会话 sits with the user's name and sign-out: it is about the account, not the work.
  const sessionsLink = (
    <Link to="/account/sessions" data-testid="nav-sessions" onClick={() => setDrawerOpen(false)}>
      {t('sessions.title')}
    </Link>
  );
  const signOutButton = (
    <Button data-testid="sign-out" onClick={() => void signOut()} block={mobile}>
      {t('header.signOut')}
    </Button>
  );

  return (
    <div>
      <header className="db-header">
        {mobile && (
          <Button
            type="text"
            aria-label={t('nav.openMenu')}
            data-testid="nav-toggle"
            icon={<MenuOutlined style={{ fontSize: 20 }} />}
            onClick={() => setDrawerOpen(true)}
            style={{ width: 44, height: 44 }}
          />
        )}
        <Link to="/" className="db-brand">
          {shortBrand ? t('app.shortTitle') : t('app.title')}
        </Link>
        {!mobile && (
          <Menu
            className="db-nav"
            mode="horizontal"
            items={menuItems}
            selectedKeys={selectedKeys}
            aria-label={t('nav.menu')}
          />
        )}
        <div className="db-header-right">
          {!mobile && (
            // The name opens 我的登录会话: no extra header width, so the nav keeps its room.
            <Link to="/account/sessions" data-testid="nav-sessions" title={t('sessions.title')}>
              {userLine}
            </Link>
          )}
          <NotificationBell />
          <LanguageToggle />
          {!mobile && signOutButton}
        </div>
      </header>
      {mobile && (
        <Drawer
          title={t('app.shortTitle')}
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={280}
          styles={{ body: { padding: 0 } }}
        >
          <nav aria-label={t('nav.menu')}>
            <Menu mode="inline" items={menuItems} selectedKeys={selectedKeys} style={{ borderInlineEnd: 'none' }} />
          </nav>
          <div style={{ display: 'flex', flexDirection: 'column', gap: 12, padding: 16 }}>
            <Typography.Text>{userLine}</Typography.Text>
            {sessionsLink}
            {signOutButton}
          </div>
        </Drawer>
      )}
      <main className="db-content">
        <Outlet />
      </main>
      {/* A new page starts at its top; back/forward return to where the user was. */}
      <ScrollRestoration />
    </div>
  );
}

/**
 * The element of every signed-in route, one lazy chunk: antd's App (the message, modal and
 * notification hooks pages use; see app/provider.tsx), the auth guard, then the frame.
 */
export function SignedInLayout() {
  return (
    <AntdApp>
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    </AntdApp>
  );
}
