import { renderPage, simulate } from './helpers/load';
it('x', async () => {
  const page = renderPage('pages/home/index');
  await simulate.sleep(50);
  require('fs').writeFileSync('/tmp/wtb/home.json', JSON.stringify((page as any).toJSON(), null, 1));
});
