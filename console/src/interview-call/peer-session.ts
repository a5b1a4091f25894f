/**
 * One side of a 视频面审 call: camera + microphone, one RTCPeerConnection, and the
 * signalling through our server (HTTP long-poll; the server relays, it carries no media).
 * The console (staff) and the citizen's call page use this same class.
 *
 * The protocol (contracts/interviews.ts, SignalKind):
 *   citizen: media → 'ready' → waits for an offer
 *   staff:   sees 'ready' → fresh RTCPeerConnection → 'offer'
 *   citizen: 'offer' → fresh RTCPeerConnection → 'answer'
 *   both:    trickle ICE as 'candidate'; 'hangup' when leaving
 * A reloaded citizen page sends 'ready' again and the staff side renegotiates from
 * scratch; a reloaded console offers at once when the citizen's last word was 'ready'.
 * Every offer carries a negotiation id that the answer and all candidates repeat, so a
 * late answer or candidate of an earlier connection is dropped instead of breaking this one.
 */
import {
  SIGNAL_WAIT_MAX_MS,
  type CallSide,
  type IceServer,
  type Signal,
  type SignalKind,
  type SignalPage,
} from '../../../contracts/interviews';
import { ApiError, callRequest } from './call-http';

/**
 * starting    — getting camera/microphone and the call's signals;
 * waiting     — for the other side (staff: the applicant to come in; citizen: the officer's offer);
 * connecting  — offer/answer done or under way, media not flowing yet;
 * connected   — media flows;
 * interrupted — the connection dropped or the other side left (staff side);
 * left        — this side hung up, the call itself is still open;
 * ended       — the call is over (staff ended it);
 * moved       — (citizen) the call goes on, on another device that joined with a fresh ticket.
 */
export type PeerState = 'starting' | 'waiting' | 'connecting' | 'connected' | 'interrupted' | 'left' | 'ended' | 'moved';

export interface PeerSessionOptions {
  callId: string;
  side: CallSide;
  iceServers: IceServer[];
  /** The citizen's bearer token from CallJoin; staff use their cookie. */
  token?: string;
  onState?: (state: PeerState) => void;
  onLocalStream?: (stream: MediaStream) => void;
  /** The other side's media, or null when it went away. */
  onRemoteStream?: (stream: MediaStream | null) => void;
  /** Long-poll length (at most SIGNAL_WAIT_MAX_MS). */
  waitMs?: number;
}

/** The SDP and candidate payloads, tagged with the negotiation they belong to. */
type Described = RTCSessionDescriptionInit & { negotiation?: string };
type Candidate = RTCIceCandidateInit & { negotiation?: string };

/** A staff hangup that ends the call (the citizen's page can say so at once). */
export const HANGUP_END = 'end';

export class PeerSession {
  state: PeerState = 'starting';
  private pc: RTCPeerConnection | null = null;
  private local: MediaStream | null = null;
  private negotiation = '';
  private pendingCandidates: RTCIceCandidateInit[] = [];
  private cursor = 0;
  private stopped = false;
  private poll: AbortController | null = null;
  /** Signals are posted one after another, so the other side reads them in the order they were made. */
  private outbox: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: PeerSessionOptions) {}

  /** Camera and microphone. Throws getUserMedia's own error (NotAllowedError, NotFoundError…) for the page to explain. */
  async openMedia(): Promise<MediaStream> {
    if (this.local) return this.local;
    if (!navigator.mediaDevices?.getUserMedia) throw new DOMException('getUserMedia unavailable', 'NotSupportedError');
    const stream = await navigator.mediaDevices.getUserMedia({
      video: { facingMode: 'user', width: { ideal: 640 }, height: { ideal: 480 } },
      audio: { echoCancellation: true, noiseSuppression: true },
    });
    // Left while the browser was asking: give the camera back at once.
    if (this.stopped) {
      for (const track of stream.getTracks()) track.stop();
      throw new DOMException('the call was left', 'AbortError');
    }
    this.local = stream;
    this.options.onLocalStream?.(stream);
    return stream;
  }

  /** Joins the call's signalling; resolves once this side has said what it needs to (ready, or an offer). */
  async start(): Promise<void> {
    await this.openMedia();
    // Signals from before this page load belong to connections that no longer exist.
    const history = await this.readHistory();
    if (this.stopped) return;
    if (history.ended) return this.end();
    if (this.options.side === 'citizen') {
      this.setState('waiting');
      await this.send('ready');
    } else if (history.citizenWaiting) {
      await this.offer();
    } else {
      this.setState('waiting');
    }
    void this.loop();
  }

  /** This side leaves; the call stays open (the other side sees 'hangup'). */
  async hangup(reason?: string): Promise<void> {
    if (this.stopped) return;
    const posted = this.send('hangup', reason ? { reason } : undefined, true);
    this.stop();
    this.setState('left');
    await posted.catch(() => undefined);
  }

  /** The call is over: stop everything. */
  end(): void {
    this.stop();
    this.setState('ended');
  }

  /** The call continues on another device: this one lets go of camera and microphone. */
  moved(): void {
    this.stop();
    this.setState('moved');
  }

  /** Stops polling, closes the connection, releases camera and microphone. */
  stop(): void {
    this.stopped = true;
    this.poll?.abort();
    this.closePeer();
    for (const track of this.local?.getTracks() ?? []) track.stop();
  }

  private setState(state: PeerState) {
    if (this.state === state || this.state === 'ended') return;
    this.state = state;
    this.options.onState?.(state);
  }

  private get signalsPath() {
    return `/api/interview-calls/${encodeURIComponent(this.options.callId)}/signals`;
  }

  private async readHistory(): Promise<{ ended: boolean; citizenWaiting: boolean }> {
    let lastReady = -1;
    let lastHangup = -1;
    for (;;) {
      const page = await this.fetchSignals(0);
      if (page.status === 'ended') return { ended: true, citizenWaiting: false };
      if (page.signals.length === 0) break;
      for (const signal of page.signals) {
        this.cursor = Math.max(this.cursor, signal.seq);
        if (signal.kind === 'ready') lastReady = signal.seq;
        if (signal.kind === 'hangup') lastHangup = signal.seq;
      }
    }
    return { ended: false, citizenWaiting: lastReady > lastHangup };
  }

  private fetchSignals(waitMs: number, signal?: AbortSignal): Promise<SignalPage> {
    return callRequest<SignalPage>(`${this.signalsPath}?after=${this.cursor}&waitMs=${waitMs}`, { token: this.options.token, signal });
  }

  private async loop(): Promise<void> {
    const waitMs = Math.min(this.options.waitMs ?? SIGNAL_WAIT_MAX_MS, SIGNAL_WAIT_MAX_MS);
    let failures = 0;
    while (!this.stopped) {
      this.poll = new AbortController();
      try {
        const page = await this.fetchSignals(waitMs, this.poll.signal);
        failures = 0;
        for (const signal of page.signals) {
          this.cursor = Math.max(this.cursor, signal.seq);
          if (this.stopped) return;
          await this.handle(signal).catch((error: unknown) => console.warn('[interview call]', signal.kind, error));
        }
        if (page.status === 'ended') return this.end();
      } catch (error) {
        if (this.stopped) return;
        // A citizen's token stops working only when another join replaced it: an ended call
        // still answers that token with status 'ended'. So 401 means "moved", not "over".
        if (error instanceof ApiError && error.status === 401 && this.options.side === 'citizen') return this.moved();
        // The call's route is gone: the call ended (or was never ours to join).
        if (error instanceof ApiError && [401, 403, 404, 410].includes(error.status)) return this.end();
        failures += 1;
        await sleep(Math.min(1000 * failures, 5000));
      }
    }
  }

  private async handle(signal: Signal): Promise<void> {
    const kind: SignalKind = signal.kind;
    if (kind === 'ready' && this.options.side === 'staff') return this.offer();
    if (kind === 'offer' && this.options.side === 'citizen') return this.answer(signal.data as Described);
    if (kind === 'answer' && this.options.side === 'staff') return this.accept(signal.data as Described);
    if (kind === 'candidate') return this.addCandidate(signal.data as Candidate);
    if (kind === 'hangup') {
      this.closePeer();
      const reason = (signal.data as { reason?: string } | null | undefined)?.reason;
      if (reason === HANGUP_END) return this.end();
      // Staff wait for the applicant to come back; the citizen waits for the officer's next offer.
      this.setState(this.options.side === 'staff' ? 'interrupted' : 'waiting');
    }
  }

  private async offer(): Promise<void> {
    if (this.stopped) return;
    const pc = this.newPeer(randomId());
    this.setState('connecting');
    const offer = await pc.createOffer();
    await pc.setLocalDescription(offer);
    await this.send('offer', { type: offer.type, sdp: offer.sdp, negotiation: this.negotiation });
  }

  private async answer(offer: Described): Promise<void> {
    if (this.stopped) return;
    const pc = this.newPeer(offer.negotiation ?? '');
    this.setState('connecting');
    await pc.setRemoteDescription({ type: 'offer', sdp: offer.sdp });
    await this.flushCandidates(pc);
    const answer = await pc.createAnswer();
    await pc.setLocalDescription(answer);
    await this.send('answer', { type: answer.type, sdp: answer.sdp, negotiation: this.negotiation });
  }

  private async accept(answer: Described): Promise<void> {
    const pc = this.pc;
    if (!pc || pc.signalingState !== 'have-local-offer' || (answer.negotiation ?? '') !== this.negotiation) return;
    await pc.setRemoteDescription({ type: 'answer', sdp: answer.sdp });
    await this.flushCandidates(pc);
  }

  private async addCandidate(data: Candidate): Promise<void> {
    if ((data.negotiation ?? '') !== this.negotiation) return;
    const { negotiation: _negotiation, ...candidate } = data;
    const pc = this.pc;
    if (!pc?.remoteDescription) {
      this.pendingCandidates.push(candidate);
      return;
    }
    await pc.addIceCandidate(candidate);
  }

  private async flushCandidates(pc: RTCPeerConnection): Promise<void> {
    const pending = this.pendingCandidates.splice(0);
    for (const candidate of pending) await pc.addIceCandidate(candidate).catch(() => undefined);
  }

  /** A fresh connection for one negotiation, with our tracks on it; the previous one is closed. */
  private newPeer(negotiation: string): RTCPeerConnection {
    this.closePeer();
    this.negotiation = negotiation;
    const pc = new RTCPeerConnection({ iceServers: this.options.iceServers as RTCIceServer[] });
    this.pc = pc;
    for (const track of this.local?.getTracks() ?? []) pc.addTrack(track, this.local!);
    pc.onicecandidate = (event) => {
      if (event.candidate && this.pc === pc) void this.send('candidate', { ...event.candidate.toJSON(), negotiation }).catch(() => undefined);
    };
    pc.ontrack = (event) => {
      if (this.pc === pc) this.options.onRemoteStream?.(event.streams[0] ?? new MediaStream([event.track]));
    };
    // iceConnectionState rather than connectionState: older WebViews have only the former.
    pc.oniceconnectionstatechange = () => {
      if (this.pc !== pc) return;
      const ice = pc.iceConnectionState;
      if (ice === 'connected' || ice === 'completed') this.setState('connected');
      else if (ice === 'disconnected' || ice === 'failed') this.setState('interrupted');
    };
    return pc;
  }

  private closePeer() {
    this.pendingCandidates = [];
    if (!this.pc) return;
    const pc = this.pc;
    this.pc = null;
    pc.onicecandidate = null;
    pc.ontrack = null;
    pc.oniceconnectionstatechange = null;
    pc.close();
    this.options.onRemoteStream?.(null);
  }

  private send(kind: SignalKind, data?: unknown, keepalive = false): Promise<unknown> {
    const post = () =>
      callRequest(this.signalsPath, { method: 'POST', body: data === undefined ? { kind } : { kind, data }, token: this.options.token, keepalive });
    const sent = this.outbox.then(post, post);
    this.outbox = sent.catch(() => undefined);
    return sent;
  }
}

export type MediaProblem = 'denied' | 'notFound' | 'busy' | 'unsupported';

/** What went wrong with getUserMedia, in the terms both pages explain to their reader. */
export function mediaProblem(error: unknown): MediaProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') return 'notFound';
  if (name === 'NotReadableError' || name === 'AbortError' || name === 'TrackStartError') return 'busy';
  return 'unsupported';
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function randomId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
