// Side navigation built from the MENU data.
import { useContext } from 'react';
import { Menu, Typography } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { UserRole } from '../../gql/graphql';
import { MENU, menuFor, selectedEntry } from '../menu';
import { ViewerContext } from '../../features/auth/viewer';

export function SideMenu({ role, collapsed }: { role: UserRole; collapsed: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const partnerKind = useContext(ViewerContext)?.partner?.kind;
  const entries = menuFor(role, MENU, partnerKind);
  const selected = selectedEntry(pathname, entries);
  return (
    <>
      <div style={{ height: 56, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: collapsed ? 14 : 18, whiteSpace: 'nowrap' }}>
          {collapsed ? 'PC' : t('app.title')}
        </Typography.Text>
      </div>
      <Menu
        theme="dark"
        mode="inline"
        selectedKeys={selected ? [selected.path] : []}
        items={entries.map((e) => ({ key: e.path, icon: e.icon, label: t(e.label), 'data-testid': `menu-${e.path}` }))}
        onClick={({ key }) => navigate(key)}
      />
    </>
  );
}
