/**
 * `npm start`: the whole product on its embedded defaults — builds the mini-program for
 * WeChat DevTools and the staff console, starts the local WeChat sandbox and the API
 * server on PGlite (or DATABASE_URL), and prints where everything is.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { registerPensionAuthoritySandbox } from '../sandbox/pension-authority-sandbox';
import { registerPaySandbox } from '../sandbox/wechat-pay-sandbox';
import { createWechatSandbox } from '../sandbox/wechat-sandbox';
import { createServer } from '../server/bootstrap';
import { loadConfig } from '../server/config';
import { devSandboxOptions, resolveDevWechatPayKeys } from '../server/wechat/pay/pay-config';
import { ensureDevAdmin } from './dev-admin';

const ROOT = path.resolve(__dirname, '..');

function run(step: string, command: string, args: string[]): void {
  const started = Date.now();
  process.stdout.write(`• ${step} … `);
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', env: process.env });
  if (result.status !== 0) {
    process.stdout.write('failed\n');
    process.stderr.write((result.stdout ?? '') + (result.stderr ?? ''));
    process.exit(1);
  }
  process.stdout.write(`done (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}

async function main() {
  const skipBuild = process.argv.includes('--no-build');
  if (!skipBuild) {
    run('building miniprogram_npm (构建npm)', process.execPath, [require.resolve('tsx/cli'), 'scripts/build-miniprogram.ts']);
    // After the build: it also copies shared domain code into the subpackages that use it.
    run('type-checking the mini-program', process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'miniprogram/tsconfig.json', '--noEmit']);
    run('building the staff console', process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'console/vite.config.ts', '--logLevel', 'warn']);
  }

  const config = loadConfig();
  // The sandbox stands in for api.weixin.qq.com unless WECHAT_API_BASE points elsewhere.
  const sandboxUrl = new URL(config.wechat.apiBase);
  const useSandbox = ['127.0.0.1', 'localhost'].includes(sandboxUrl.hostname);
  const sandbox = useSandbox
    ? createWechatSandbox({ appId: config.wechat.appId, appSecret: config.wechat.appSecret, acceptUnknownCodes: true })
    : null;
  // WeChat Pay too, with the development keys the server uses (DATA_DIR/wechat-pay-dev.json),
  // unless WECHAT_PAY_MCHID configures a real merchant.
  const paySandbox = sandbox && config.wechatPay.mode === 'sandbox';
  if (sandbox && paySandbox) registerPaySandbox(sandbox, devSandboxOptions(resolveDevWechatPayKeys(config.dataDir), config.wechat.appId));
  // The pension authority's sandbox rides on the same loopback server when the URL points there.
  const pensionSandbox = sandbox && config.pension.authorityUrl.startsWith(config.wechat.apiBase);
  if (sandbox && pensionSandbox) registerPensionAuthoritySandbox(sandbox, { secret: config.pension.secret });
  if (sandbox) await sandbox.listen({ port: Number(sandboxUrl.port) || 3100, host: '127.0.0.1' });

  const server = await createServer(config);
  const admin = await ensureDevAdmin(server.database.db, config.dataDir);
  await server.app.listen({ port: config.port, host: config.host });

  const base = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`;
  const lines = [
    '',
    '中国领事 China Consular is running',
    `  API server        ${base}   (health: ${base}/healthz)`,
    `  database          ${server.database.kind === 'pglite' ? `PGlite in ${path.join(config.dataDir, 'pglite')}` : 'PostgreSQL (DATABASE_URL)'}`,
    `  staff console     ${base}/console/` + (admin ? `   sign in as ${admin.username} / ${admin.password}` : ''),
    `  API description   ${base}/docs/openapi.json`,
    sandbox ? `  WeChat sandbox    ${config.wechat.apiBase}   (stands in for api.weixin.qq.com)` : `  WeChat API        ${config.wechat.apiBase}`,
    paySandbox
      ? `  WeChat Pay        sandbox at ${config.wechatPay.apiBase}; in DevTools pay with POST /api/dev/pay/<applicationId>/confirm`
      : `  WeChat Pay        ${config.wechatPay.apiBase} (merchant ${config.wechatPay.mchId})`,
    pensionSandbox
      ? `  pension authority sandbox at ${config.pension.authorityUrl} (POST /sandbox/pension/mode to make it reject, go down, time out)`
      : `  pension authority ${config.pension.authorityUrl}`,
    `  mini-program      open ${ROOT} in WeChat DevTools (README: "Running the mini-program")`,
    '',
  ];
  console.log(lines.join('\n'));

  const shutdown = async () => {
    await server.close();
    await sandbox?.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
