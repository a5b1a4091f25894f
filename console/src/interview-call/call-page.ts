/**
 * The citizen's side of a 视频面审, at GET /interview/call?ticket=… — the mini-program
 * opens it in a <web-view>. No framework: it has to load fast on a phone inside WeChat.
 *   ticket → POST /api/interview-calls/join → camera + microphone → PeerSession (citizen)
 */
import wx from 'weixin-js-sdk';
import type { CallJoin } from '../../../contracts/interviews';
import { ApiError, callRequest } from './call-http';
import { mediaProblem, PeerSession, type PeerState } from './peer-session';
import { callText } from './text';
import './call-stage.css';
import './call-page.css';

type PageState = 'joining' | 'media' | PeerState;

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const remote = element<HTMLVideoElement>('remote');
const local = element<HTMLVideoElement>('local');
const statusLine = element<HTMLParagraphElement>('status');
const message = element<HTMLParagraphElement>('message');
const hangupButton = element<HTMLButtonElement>('hangup');
const playButton = element<HTMLButtonElement>('play');
const reenterButton = element<HTMLButtonElement>('reenter');

/** The mini-program page that asks for a fresh ticket and opens this page again. */
const APPLICATION_PARAM = 'application';
const miniProgramCallPage = (applicationId: string) => `/packages/interview/call/index?id=${encodeURIComponent(applicationId)}`;

/**
 * 重新进入: a ticket is used once, so a reloaded (or replaced) page cannot join again by
 * itself; the mini-program's call page gets a fresh ticket and opens this page anew.
 */
function offerReenter(applicationId: string) {
  reenterButton.textContent = callText.reenter;
  reenterButton.dataset.target = miniProgramCallPage(applicationId);
  reenterButton.hidden = false;
}
reenterButton.addEventListener('click', () => wx.miniProgram.redirectTo({ url: reenterButton.dataset.target ?? '' }));

let session: PeerSession | null = null;

function show(state: PageState) {
  document.body.dataset.state = state;
  const text = state === 'starting' ? callText.states.joining : callText.states[state];
  const over = state === 'ended' || state === 'left' || state === 'moved';
  hangupButton.hidden = over || state === 'joining' || state === 'media';
  // Over: the words take the middle of the screen instead of the corner.
  statusLine.textContent = over ? '' : text;
  if (over) showMessage(text, 'done');
  else if (state === 'waiting') showMessage(callText.waitingHint, 'hint');
  else if (message.dataset.kind === 'hint') hideMessage();
  if (over) {
    remote.srcObject = null;
    local.srcObject = null;
    playButton.hidden = true;
    delete document.body.dataset.remote;
  }
}

function showMessage(text: string, kind: 'hint' | 'done' | 'error') {
  message.textContent = text;
  message.dataset.kind = kind;
  message.hidden = false;
}

function hideMessage() {
  message.hidden = true;
  delete message.dataset.kind;
}

/** A page that cannot go on: say why, and stop. */
function fail(text: string, state: 'invalid' | 'failed' = 'failed') {
  document.body.dataset.state = state;
  statusLine.textContent = '';
  hangupButton.hidden = true;
  showMessage(text, 'error');
}

/** Autoplay with sound can be refused outside a tap: then offer a button that is one. */
function playRemote() {
  remote.play().then(
    () => (playButton.hidden = true),
    () => (playButton.hidden = false),
  );
}

async function main() {
  document.title = callText.documentTitle;
  element('title').textContent = callText.title;
  element('remote-label').textContent = callText.officer;
  element('local-label').textContent = callText.me;
  hangupButton.textContent = callText.hangup;
  playButton.textContent = callText.tapToPlay;
  show('joining');

  const params = new URLSearchParams(location.search);
  const ticket = params.get('ticket');
  const reloadedFor = params.get(APPLICATION_PARAM);
  if (!ticket && reloadedFor) {
    // WeChat's 刷新 reloads the address without the spent ticket: offer the way back in.
    fail(callText.reloaded, 'invalid');
    return offerReenter(reloadedFor);
  }
  if (!ticket) return fail(callText.ticketInvalid, 'invalid');

  let join: CallJoin;
  try {
    join = await callRequest<CallJoin>('/api/interview-calls/join', { method: 'POST', body: { ticket } });
  } catch (error) {
    const network = error instanceof ApiError && (error.status === 0 || error.status >= 500);
    return fail(network ? callText.network : callText.ticketInvalid, network ? 'failed' : 'invalid');
  }
  // The ticket is spent: keep it out of the address bar (and of anything shared from it);
  // the order id stays, so a reload can offer 重新进入.
  history.replaceState(null, '', `${location.pathname}?${APPLICATION_PARAM}=${encodeURIComponent(join.applicationId)}`);
  element('order').textContent = [join.missionName, join.orderNo ? callText.order(join.orderNo) : ''].filter(Boolean).join('\n');

  session = new PeerSession({
    callId: join.callId,
    side: join.side,
    iceServers: join.iceServers,
    token: join.token,
    onState: (state) => {
      show(state);
      if (state === 'moved') offerReenter(join.applicationId);
    },
    onLocalStream: (stream) => {
      local.srcObject = stream;
      void local.play().catch(() => undefined);
    },
    onRemoteStream: (stream) => {
      if (remote.srcObject === stream) return;
      remote.srcObject = stream;
      if (stream) document.body.dataset.remote = '';
      else delete document.body.dataset.remote;
      if (stream) playRemote();
    },
  });

  show('media');
  try {
    await session.openMedia();
  } catch (error) {
    session.stop();
    return fail(callText.media[mediaProblem(error)]);
  }
  try {
    await session.start();
  } catch {
    session.stop();
    fail(callText.network);
  }
}

hangupButton.addEventListener('click', () => void session?.hangup());
playButton.addEventListener('click', playRemote);
// Leaving the page (back to the mini-program) is a hangup the officer should see.
window.addEventListener('pagehide', () => void session?.hangup());

void main();
