import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import 'antd/dist/antd.css';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { AuthProvider, sessionProbed } from './auth/AuthContext.tsx';
import { openedPageReady, router } from './routes.tsx';

dayjs.locale('zh-cn');

// Darker than antd's defaults so that text and buttons meet WCAG AA contrast (4.5:1).
const theme = {
  // antd's styles come from its prebuilt stylesheet (imported above) instead of being generated in the
  // browser on every load, component by component, on first use (the largest part of a page's first
  // draw). The tokens below still apply: antd sets them as CSS variables the stylesheet reads.
  zeroRuntime: true,
  token: {
    // A visitor who asks the system for reduced motion (WCAG 2.3.3) gets none: no fading dialogs, and
    // a button's loading spinner leaves at once instead of through an animation.
    motion: !window.matchMedia('(prefers-reduced-motion: reduce)').matches,
    colorPrimary: '#0958d9',
    colorInfo: '#0958d9',
    colorLink: '#0958d9',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    // antd's default #ff4d4f is 3.26:1 on white; red-7 reaches 5.57:1 (WCAG AA needs 4.5:1).
    colorError: '#cf1322',
  },
  components: {
    // The default label colour (45% black) is 2.5:1 on white.
    Descriptions: { labelColor: 'rgba(0, 0, 0, 0.65)' },
  },
};

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

// Drawn once the opened page's code and the session's answer are here (both asked for as the code
// started): the shell and the page then appear in one render, without loading placeholders. A slow
// network gets the loading placeholders after FIRST_DRAW_WAIT_MS instead of a blank page.
const FIRST_DRAW_WAIT_MS = 1_000;
void Promise.race([
  Promise.all([openedPageReady, sessionProbed]),
  new Promise((resolve) => setTimeout(resolve, FIRST_DRAW_WAIT_MS)),
]).then(() =>
  createRoot(root).render(
    <StrictMode>
      <ConfigProvider locale={zhCN} theme={theme}>
        <AntApp>
          <AuthProvider>
            <RouterProvider router={router} />
          </AuthProvider>
        </AntApp>
      </ConfigProvider>
    </StrictMode>,
  ),
);
