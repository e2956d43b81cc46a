/**
 * Builds the task pane into dist/web/: taskpane.html (served page, CSP without 'unsafe-eval',
 * office.js referenced in <head>), loader.js (ES5, decides between Excel and file mode),
 * taskpane.js (React + Fluent UI + core + exceljs from its sources), check-worker.js (the Web Worker
 * that reads and checks files), manifest.xml, icons, and budget-review-offline.html — one
 * self-contained file, worker inlined, that works opened from disk (file://).
 *
 * taskpane.js is ES2020 on purpose: the core computes report figures with BigInt, which the
 * EdgeHTML 18 webview of volume-licensed Office 2019 lacks (as it lacks `?.` and `??`), so no
 * transpile target could make the pane run there. loader.js (ES5) detects such webviews, Trident
 * and EdgeHTML alike, and sends the user to the offline page with one sentence (issue 11, row 12).
 */
const path = require('path');
const fs = require('fs');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const OUT = path.resolve(__dirname, 'dist/web');
const shim = (f) => path.resolve(__dirname, 'src/web/shims', f);

/** Copies manifest.xml and assets/ into the output, and writes the single-file offline page. */
class StaticAndOfflinePlugin {
  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap('StaticAndOffline', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'StaticAndOffline', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const manifest = path.resolve(__dirname, 'manifest.xml');
        if (fs.existsSync(manifest)) compilation.emitAsset('manifest.xml', new RawSource(fs.readFileSync(manifest)));
        const assets = path.resolve(__dirname, 'assets');
        if (fs.existsSync(assets)) for (const f of fs.readdirSync(assets)) compilation.emitAsset(`assets/${f}`, new RawSource(fs.readFileSync(path.join(assets, f))));
        const js = compilation.getAsset('taskpane.js');
        const worker = compilation.getAsset('check-worker.js');
        if (!js || !worker) return;
        const inline = (asset) => asset.source.source().toString().replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
        const template = fs.readFileSync(path.resolve(__dirname, 'src/web/offline.html'), 'utf8');
        // The worker's code rides along as inert text; the page starts it from a blob: URL (file:// too).
        const html = template.replace('/*WORKER*/', () => inline(worker)).replace('/*BUNDLE*/', () => inline(js));
        compilation.emitAsset('budget-review-offline.html', new RawSource(html));
      });
    });
  }
}

/**
 * HTTPS for `npm run dev-server` (Office only loads add-ins over HTTPS): the localhost certificate
 * of office-addin-dev-certs, trusted by Office on this machine (it creates and installs it on the
 * first run). Without it — package missing, or the certificate cannot be made or trusted — webpack's
 * own self-signed certificate, which the browser (and Office) must be told to accept.
 * Only `webpack serve` calls this; `npm run build:web` never does, so the build needs no network.
 */
async function devServerHttps() {
  try {
    const devCerts = require('office-addin-dev-certs');
    const { ca, key, cert } = await devCerts.getHttpsServerOptions();
    return { type: 'https', options: { ca, key, cert } };
  } catch (e) {
    console.warn(
      `[budget-review] office-addin-dev-certs 不可用（${(e && e.message ? e.message : String(e)).split('\n')[0]}），改用 webpack 自签名证书：` +
        '请在浏览器中打开 https://localhost:3000/taskpane.html 并信任该证书，或运行 npx office-addin-dev-certs install 后重启。\n' +
        '[budget-review] office-addin-dev-certs unavailable; falling back to webpack\'s self-signed HTTPS certificate (trust it in the browser, or run `npx office-addin-dev-certs install`).',
    );
    return 'https';
  }
}

module.exports = async (env, argv) => {
  const dev = argv && argv.mode === 'development';
  const serving = !!(env && env.WEBPACK_SERVE);
  return {
    target: ['web', 'es5'],
    entry: {
      taskpane: './src/taskpane/index.tsx',
      loader: './src/taskpane/loader.ts',
      // Reading and checking off the main thread (src/web/check-client.ts starts it).
      'check-worker': './src/web/check-worker.ts',
    },
    output: { path: OUT, filename: '[name].js', publicPath: '', clean: true },
    // No eval-based source maps: the page runs under a CSP without 'unsafe-eval'.
    devtool: dev ? 'source-map' : false,
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
      alias: {
        // The prebuilt dist/exceljs.min.js calls Function(); bundle the sources instead.
        exceljs$: path.resolve(__dirname, 'node_modules/exceljs/lib/exceljs.bare.js'),
      },
      fallback: {
        fs: false,
        crypto: false,
        util: false,
        zlib: false,
        os: false,
        path: shim('path.ts'),
        stream: require.resolve('readable-stream'),
        events: require.resolve('events/'),
        buffer: require.resolve('buffer/'),
        string_decoder: require.resolve('string_decoder/'),
      },
    },
    module: {
      rules: [
        {
          test: /loader\.ts$/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { target: 'ES5', module: 'commonjs', lib: ['ES5', 'DOM'] } } },
        },
        {
          test: /\.tsx?$/,
          exclude: [/node_modules/, /loader\.ts$/],
          use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { target: 'ES2020', module: 'ESNext', moduleResolution: 'node', sourceMap: dev } } },
        },
      ],
    },
    plugins: [
      new webpack.NormalModuleReplacementPlugin(/[\\/]csv[\\/]csv(\.js)?$/, (res) => {
        if (/exceljs/.test(res.context || '')) res.request = shim('exceljs-csv.js');
      }),
      new webpack.ProvidePlugin({ Buffer: ['buffer', 'Buffer'], process: shim('process.ts') }),
      new webpack.DefinePlugin({ 'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production') }),
      // The loader goes in <head>, right after office.js (which the template references there).
      new HtmlWebpackPlugin({ template: './src/taskpane/taskpane.html', filename: 'taskpane.html', chunks: ['loader'], inject: 'head', scriptLoading: 'blocking' }),
      new StaticAndOfflinePlugin(),
    ],
    performance: { hints: false },
    devServer: {
      static: OUT,
      port: 3000,
      server: serving ? await devServerHttps() : 'https',
      headers: { 'Access-Control-Allow-Origin': '*' },
    },
  };
};
