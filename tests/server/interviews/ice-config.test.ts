import { loadConfig } from '../../../server/config';

describe('INTERVIEW_ICE_SERVERS', () => {
  const load = (value?: string) => loadConfig({ NODE_ENV: 'test', DATA_DIR: '/nonexistent-test-data-dir', ...(value === undefined ? {} : { INTERVIEW_ICE_SERVERS: value }) }).interviews.iceServers;

  it('defaults to none (loopback and LAN calls need no STUN/TURN)', () => {
    expect(load()).toEqual([]);
    expect(load('')).toEqual([]);
  });

  it('takes a JSON array of STUN/TURN servers', () => {
    const servers = [{ urls: 'stun:stun.example.org:3478' }, { urls: ['turn:turn.example.org:3478?transport=udp', 'turns:turn.example.org:5349'], username: 'u', credential: 'p' }];
    expect(load(JSON.stringify(servers))).toEqual(servers);
  });

  it('refuses anything else at start-up', () => {
    expect(() => load('stun:stun.example.org')).toThrow(/INTERVIEW_ICE_SERVERS/);
    expect(() => load('{"urls":"stun:x"}')).toThrow(/INTERVIEW_ICE_SERVERS/);
    expect(() => load('[{"url":"stun:x"}]')).toThrow(/INTERVIEW_ICE_SERVERS/);
    expect(() => load('[{"urls":"turn:x","credential":5}]')).toThrow(/INTERVIEW_ICE_SERVERS/);
  });
});
