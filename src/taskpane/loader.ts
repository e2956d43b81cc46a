/**
 * The ES5 loader of taskpane.html, run in <head> right after office.js. Microsoft requires office.js
 * to be referenced from its CDN in the page's <head>, before other scripts (learn.microsoft.com,
 * "Referencing the Office JavaScript API library"); taskpane.html does that with a plain blocking
 * <script>, and this loader then decides how the pane starts:
 * - office.js did not load (no internet, as on many government networks): the pane starts in file
 *   mode at once, with a 重试 button that reloads the page;
 * - office.js loaded: it waits for Office.onReady as long as it takes. After a few seconds it says
 *   that Excel is slow and offers 改用文件审核; if Excel answers after the user chose files, a bar
 *   offers to reload into Excel. No fixed timeout ever decides for the user;
 * - a webview that cannot run the pane: Trident (IE 11, Office 2016/2019) and EdgeHTML (volume-
 *   licensed Office 2019, ExcelApi 1.8, which passes the manifest's 1.7). The bundle is ES2020 and
 *   the core needs BigInt, which neither has; detected by feature (no BigInt, no Promise/fetch/Map,
 *   documentMode) and by EdgeHTML's "Edge/NN" user agent: one clear sentence and the offline page;
 * - the bundle fails to parse or start anyway: the same sentence instead of 正在加载… for ever (a
 *   script element's onerror fires only for network errors; a SyntaxError reaches window's error
 *   event).
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

/** After this long without Office.onReady the pane says so and offers file mode (it keeps waiting). */
var SLOW_HINT_MS = 8000;
var OFFLINE_PAGE = 'budget-review-offline.html';
var CANNOT_RUN = '此 Excel 内置的浏览器（旧版 IE 或 EdgeHTML 内核）无法运行预算审核助手。请升级到 Microsoft 365、Office 2021/2024 或使用网页版 Excel；也可以在 Chrome 或新版 Edge 中打开离线审核页面 ' + OFFLINE_PAGE + '，对 .xlsx 文件进行审核。';

var w = window as unknown as Record<string, unknown>;
var domReady = false;
var domQueue: Array<() => void> = [];
var started: BootInfo | null = null;
var bundleError: string | null = null;

function onDom(f: () => void): void {
  if (domReady) f();
  else domQueue.push(f);
}

function domLoaded(): void {
  if (domReady) return;
  domReady = true;
  var q = domQueue;
  domQueue = [];
  for (var i = 0; i < q.length; i++) q[i]();
}

function root(): HTMLElement | null {
  return document.getElementById('root');
}

function paragraph(text: string): HTMLElement {
  var p = document.createElement('p');
  p.style.padding = '12px';
  p.style.fontSize = '14px';
  p.style.lineHeight = '1.6';
  p.appendChild(document.createTextNode(text));
  return p;
}

function button(label: string, onClick: () => void, id: string): HTMLButtonElement {
  var b = document.createElement('button');
  b.type = 'button';
  b.id = id;
  b.style.margin = '0 12px 12px 0';
  b.appendChild(document.createTextNode(label));
  b.onclick = onClick;
  return b;
}

function offlineLink(): HTMLElement {
  var a = document.createElement('a');
  a.href = OFFLINE_PAGE;
  a.target = '_blank';
  a.appendChild(document.createTextNode('打开离线审核页面'));
  var p = document.createElement('p');
  p.style.padding = '0 12px';
  p.appendChild(a);
  return p;
}

/** Replace the pane with the sentence for a webview that cannot run it. */
function showCannotRun(): void {
  var el = root();
  if (!el) return;
  el.innerHTML = '';
  el.setAttribute('data-boot', 'cannot-run');
  el.appendChild(paragraph(CANNOT_RUN));
  el.appendChild(offlineLink());
}

/** A bar above the pane (for retry and reconnect offers). */
function bar(id: string, text: string, label: string, action: () => void): void {
  var old = document.getElementById(id);
  if (old && old.parentNode) old.parentNode.removeChild(old);
  var el = root();
  if (!el || !el.parentNode) return;
  var div = document.createElement('div');
  div.id = id;
  div.setAttribute('role', 'status');
  div.style.cssText = 'margin:8px 10px;padding:8px;background:#F3F2F1;font-size:13px';
  div.appendChild(document.createTextNode(text + ' '));
  var b = button(label, action, id + '-button');
  b.style.margin = '0';
  div.appendChild(b);
  el.parentNode.insertBefore(div, el);
}

function reload(): void {
  window.location.reload();
}

/** Trident (documentMode; no Promise, fetch or Map) or EdgeHTML ("Edge/18.x"; no BigInt, no `?.`). */
function tooOld(): boolean {
  var d = document as unknown as { documentMode?: number };
  if (!!d.documentMode || typeof w.Promise !== 'function' || typeof w.fetch !== 'function' || typeof w.Map !== 'function') return true;
  if (typeof w.BigInt !== 'function') return true;
  return /\sEdge\/\d+/.test(navigator.userAgent || '');
}

function startBundle(info: BootInfo): void {
  if (started) return;
  started = info;
  w.__budgetReviewBoot = info;
  var s = document.createElement('script');
  s.src = 'taskpane.js';
  s.onerror = function () {
    var el = root();
    if (el) {
      el.innerHTML = '';
      el.appendChild(paragraph('预算审核助手的脚本未能加载。请点“重试”，或使用离线审核页面 ' + OFFLINE_PAGE + '。'));
      el.appendChild(button('重试', reload, 'boot-retry'));
    }
  };
  s.onload = function () {
    // The script element loads even when its code cannot run: a parse error shows only here.
    if (bundleError !== null) showCannotRun();
  };
  document.body.appendChild(s);
}

function boot(): void {
  window.addEventListener('error', function (e: ErrorEvent) {
    var f = e && e.filename ? String(e.filename) : '';
    if (started && /taskpane\.js(\?|$)/.test(f)) bundleError = String(e.message || 'error');
  });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', domLoaded);
  else domLoaded();

  if (tooOld()) {
    onDom(showCannotRun);
    return;
  }
  var office = w.Office as OfficeLike | undefined;
  if (!office || typeof office.onReady !== 'function') {
    // office.js (referenced above this script in <head>) did not load.
    onDom(function () {
      startBundle({ mode: 'files', reason: 'office-js-unavailable' });
      bar('boot-reconnect', '未能加载 Office.js（可能没有连接互联网），已改用文件审核。', '重试连接 Excel', reload);
    });
    return;
  }
  var ready: { host: string | null } | null = null;
  var choseFiles = false;
  office.onReady(function (info) {
    ready = info || { host: null };
    onDom(function () {
      if (!started) {
        var slow = document.getElementById('boot-slow');
        if (slow && slow.parentNode) slow.parentNode.removeChild(slow);
        startBundle({ mode: ready && ready.host === 'Excel' ? 'excel' : 'files', reason: ready && ready.host ? 'host:' + ready.host : 'no-host' });
      } else if (choseFiles && ready && ready.host === 'Excel') {
        bar('boot-reconnect', 'Excel 已就绪。', '重新加载以在工作簿中审核', reload);
      }
    });
  });
  onDom(function () {
    setTimeout(function () {
      if (started || ready) return;
      var el = root();
      if (!el) return;
      el.innerHTML = '';
      var div = document.createElement('div');
      div.id = 'boot-slow';
      div.appendChild(paragraph('正在连接 Excel……比平时慢（网络较慢或 Excel 刚启动）。可以继续等待，连接后会自动打开；也可以先改用文件审核。'));
      div.appendChild(button('改用文件审核', function () {
        choseFiles = true;
        startBundle({ mode: 'files', reason: 'office-ready-slow' });
      }, 'boot-files'));
      div.appendChild(button('重新加载', reload, 'boot-reload'));
      el.appendChild(div);
    }, SLOW_HINT_MS);
  });
}

boot();
