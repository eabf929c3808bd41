import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { I18nProvider, type Locale, type Messages } from '../shared/i18n';
import { App } from './App';
import enforcementEn from './messages/enforcement.en.json';
import enforcementZh from './messages/enforcement.zh-CN.json';
import en from './messages/en.json';
import zhCN from './messages/zh-CN.json';
import './public.css';

/** The public pages' messages, and those of 一公开 and the inspectors' pages. */
const CATALOGS: Record<Locale, Messages> = { 'zh-CN': { ...zhCN, ...enforcementZh }, en: { ...en, ...enforcementEn } };

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider catalogs={CATALOGS}>
      <BrowserRouter basename="/">
        <App />
      </BrowserRouter>
    </I18nProvider>
  </StrictMode>,
);
