/**
 * The ES5 loader of taskpane.html. It loads office.js from Microsoft's CDN with a timeout, then the
 * pane bundle. Without internet (many government networks) it gives up within a few seconds and
 * starts the pane in file mode instead of waiting forever on Office.onReady. In an IE-based webview
 * (which cannot run the pane) it says so and points to the offline page instead of a blank pane.
 * Written for ES5: no arrow functions, no Promise, no let/const in the emitted code.
 */
/* eslint-disable no-var */

interface BootInfo {
  mode: 'excel' | 'files';
  reason: string;
}

interface OfficeLike {
  onReady?: (cb: (info: { host: string | null }) => void) => void;
}

var OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
var LOAD_TIMEOUT_MS = 6000;
var READY_TIMEOUT_MS = 4000;

function setBoot(text: string, html?: boolean): void {
  var el = document.getElementById('root');
  if (!el) return;
  if (html) el.innerHTML = text;
  else {
    el.innerHTML = '';
    var p = document.createElement('p');
    p.style.padding = '12px';
    p.appendChild(document.createTextNode(text));
    el.appendChild(p);
  }
}

/** IE 11 / the old EdgeHTML-less Trident webview: no Promise, no fetch, or documentMode set. */
function tooOld(): boolean {
  var w = window as unknown as Record<string, unknown>;
  var d = document as unknown as { documentMode?: number };
  return !!d.documentMode || typeof w.Promise !== 'function' || typeof w.fetch !== 'function' || typeof w.Map !== 'function';
}

function startBundle(info: BootInfo): void {
  (window as unknown as { __budgetReviewBoot: BootInfo }).__budgetReviewBoot = info;
  var s = document.createElement('script');
  s.src = 'taskpane.js';
  s.onerror = function () {
    setBoot('预算审核助手的脚本未能加载，请刷新重试，或使用离线审核页面 budget-review-offline.html。');
  };
  document.body.appendChild(s);
}

function boot(): void {
  if (tooOld()) {
    setBoot(
      '<div style="padding:12px;font-size:14px;line-height:1.6"><b>当前 Excel 版本过旧</b><p>此 Excel 使用旧版 IE 内核显示加载项，无法运行预算审核助手。请升级到 Microsoft 365、Office 2021/2024 或使用网页版 Excel；也可以在浏览器中打开离线审核页面 <a href="budget-review-offline.html" target="_blank">budget-review-offline.html</a>，对 .xlsx 文件进行审核。</p></div>',
      true,
    );
    return;
  }
  var done = false;
  function finish(info: BootInfo): void {
    if (done) return;
    done = true;
    startBundle(info);
  }
  var loadTimer = setTimeout(function () {
    finish({ mode: 'files', reason: 'office-js-timeout' });
  }, LOAD_TIMEOUT_MS);
  var script = document.createElement('script');
  script.src = OFFICE_JS;
  script.onerror = function () {
    clearTimeout(loadTimer);
    finish({ mode: 'files', reason: 'office-js-unavailable' });
  };
  script.onload = function () {
    clearTimeout(loadTimer);
    var office = (window as unknown as { Office?: OfficeLike }).Office;
    if (!office || !office.onReady) {
      finish({ mode: 'files', reason: 'office-js-missing' });
      return;
    }
    var readyTimer = setTimeout(function () {
      finish({ mode: 'files', reason: 'office-ready-timeout' });
    }, READY_TIMEOUT_MS);
    office.onReady(function (info) {
      clearTimeout(readyTimer);
      finish({ mode: info && info.host === 'Excel' ? 'excel' : 'files', reason: info && info.host ? 'host:' + info.host : 'no-host' });
    });
  };
  document.head.appendChild(script);
}

boot();
