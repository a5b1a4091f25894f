import { SERVICES } from '../../miniprogram/domain/service-grid';
import { sessionStore } from '../../miniprogram/stores/session-store';
import { NEW_YORK } from './fixtures';
import { renderPage, simulate } from './helpers/load';

describe('首页', () => {
  afterEach(() => {
    sessionStore.setLocalMission(null);
  });

  it('shows every service in the grid and asks for a mission when none is chosen', async () => {
    const page = renderPage('pages/home/index');
    await simulate.sleep(0);
    const text = page.dom!.textContent ?? '';
    for (const service of SERVICES) expect(text).toContain(service.nameZh);
    expect(text).toContain('选择使领馆');
  });

  it('shows the chosen mission with its address, phone, hours and local time', async () => {
    const page = renderPage('pages/home/index');
    sessionStore.setLocalMission(NEW_YORK);
    await simulate.sleep(10);
    const text = page.dom!.textContent ?? '';
    expect(text).toContain(NEW_YORK.nameZh);
    expect(text).toContain(NEW_YORK.addressZh);
    expect(text).toContain(NEW_YORK.phone);
    expect(text).toContain(NEW_YORK.hoursZh);
    expect(text).toMatch(/\d{2}:\d{2}（UTC-[45]）/);
  });
});
