import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { I18nProvider, type Locale, type Messages } from '../shared/i18n';
import { App } from './App';
import en from './messages/en.json';
import zhCN from './messages/zh-CN.json';
import './public.css';

const CATALOGS: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider catalogs={CATALOGS}>
      <BrowserRouter basename="/">
        <App />
      </BrowserRouter>
    </I18nProvider>
  </StrictMode>,
);
