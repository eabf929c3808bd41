import type { Locale, Messages } from '../shared/i18n';
import shellEn from './messages/en.json';
import shellZh from './messages/zh-CN.json';
import adminEn from './pages/admin/messages.en.json';
import adminZh from './pages/admin/messages.zh-CN.json';
import cluesEn from './pages/clues/messages.en.json';
import cluesZh from './pages/clues/messages.zh-CN.json';
import dashboardEn from './pages/dashboard/messages.en.json';
import dashboardZh from './pages/dashboard/messages.zh-CN.json';
import enforcementEn from './pages/enforcement/messages.en.json';
import enforcementZh from './pages/enforcement/messages.zh-CN.json';
import judicialEn from './pages/judicial/messages.en.json';
import judicialZh from './pages/judicial/messages.zh-CN.json';
import loginEn from './pages/login/messages.en.json';
import loginZh from './pages/login/messages.zh-CN.json';
import monitoringEn from './pages/monitoring/messages.en.json';
import monitoringZh from './pages/monitoring/messages.zh-CN.json';
import problemsEn from './pages/problems/messages.en.json';
import problemsZh from './pages/problems/messages.zh-CN.json';
import rewardsEn from './pages/rewards/messages.en.json';
import rewardsZh from './pages/rewards/messages.zh-CN.json';

/** The console's message files: the shell's and each page's, merged (keys are prefixed by page). */
export const CATALOGS: Record<Locale, Messages> = {
  'zh-CN': { ...shellZh, ...loginZh, ...dashboardZh, ...cluesZh, ...problemsZh, ...adminZh, ...rewardsZh, ...enforcementZh, ...judicialZh, ...monitoringZh },
  en: { ...shellEn, ...loginEn, ...dashboardEn, ...cluesEn, ...problemsEn, ...adminEn, ...rewardsEn, ...enforcementEn, ...judicialEn, ...monitoringEn },
};
