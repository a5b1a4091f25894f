/**
 * What several pages share about the citizen: are they logged in, their verified identity
 * (masked) and the mission they chose. Pages bind to it with mobx-miniprogram-bindings;
 * it talks to the server only through api/.
 */
import { computed, makeAutoObservable, runInAction } from 'mobx-miniprogram';
import { login as apiLogin, logout as apiLogout } from '../api/auth';
import { fetchProfile, selectMission, verifyIdentity } from '../api/profile';
import { currentToken } from '../api/request';
import { ordersStore } from './orders-store';
import type { Mission, Profile, VerifiedIdentity } from '../domain/api-types';
import type { IdentityInput } from '../domain/identity-form';

export type LoginStatus = 'anonymous' | 'logging_in' | 'logged_in';

export type MissionCard = Pick<Mission, 'id' | 'kind' | 'nameZh' | 'countryCode' | 'countryZh' | 'cityZh' | 'addressZh' | 'phone' | 'hoursZh' | 'timezone'>;

/** A mission chosen before login (or when login failed) lives on the device until it can be saved. */
const LOCAL_MISSION_KEY = 'chosenMission';

export class SessionStore {
  status: LoginStatus = 'anonymous';
  profile: Profile | null = null;
  localMission: Mission | null = null;

  constructor() {
    // Structural: a profile update that leaves these equal sends nothing to the pages bound to them.
    makeAutoObservable(this, { missionCard: computed.struct, missionName: computed.struct });
  }

  get loggedIn(): boolean {
    return this.status === 'logged_in';
  }

  get identity(): VerifiedIdentity | null {
    return this.profile?.identity ?? null;
  }

  get mission(): Mission | null {
    return this.profile?.mission ?? this.localMission;
  }

  /**
   * What pages render of the mission (home's card, the alert banner's country): pages bind
   * this, not the whole Mission with its district list and English fields.
   */
  get missionCard(): MissionCard | null {
    const mission = this.mission;
    if (!mission) return null;
    const { id, kind, nameZh, countryCode, countryZh, cityZh, addressZh, phone, hoursZh, timezone } = mission;
    return { id, kind, nameZh, countryCode, countryZh, cityZh, addressZh, phone, hoursZh, timezone };
  }

  /** 我的 shows only the mission's name. */
  get missionName(): string {
    return this.mission?.nameZh ?? '';
  }

  /** On launch: reuse a saved token if there is one (a 401 logs in again), else log in. */
  async silentLogin(): Promise<void> {
    this.restoreLocalMission();
    this.status = 'logging_in';
    try {
      const profile = currentToken() ? await fetchProfile() : (await apiLogin()).user;
      this.setProfile(profile);
      await this.saveLocalMissionToAccount();
    } catch (error) {
      runInAction(() => {
        this.status = 'anonymous';
      });
      throw error;
    }
  }

  async login(): Promise<void> {
    this.status = 'logging_in';
    try {
      this.setProfile((await apiLogin()).user);
      await this.saveLocalMissionToAccount();
    } catch (error) {
      runInAction(() => {
        this.status = 'anonymous';
      });
      throw error;
    }
  }

  async logout(): Promise<void> {
    try {
      await apiLogout();
    } finally {
      runInAction(() => {
        this.status = 'anonymous';
        this.profile = null;
      });
      ordersStore.clear();
    }
  }

  /** Errors (400 with fields, 409 IDENTITY_TAKEN) go to the caller, which shows them. */
  async submitIdentity(input: IdentityInput): Promise<VerifiedIdentity | null> {
    const profile = await verifyIdentity(input);
    this.setProfile(profile);
    return profile.identity;
  }

  async chooseMission(mission: Mission): Promise<void> {
    this.setLocalMission(mission);
    if (this.loggedIn) this.setProfile(await selectMission(mission.id));
  }

  setProfile(profile: Profile): void {
    this.profile = profile;
    this.status = 'logged_in';
  }

  setLocalMission(mission: Mission | null): void {
    this.localMission = mission;
    try {
      if (mission) wx.setStorageSync(LOCAL_MISSION_KEY, mission);
      else wx.removeStorageSync(LOCAL_MISSION_KEY);
    } catch {
      // Not fatal: the choice holds for this launch.
    }
  }

  private restoreLocalMission(): void {
    try {
      const saved = wx.getStorageSync(LOCAL_MISSION_KEY) as Mission | '';
      if (saved && typeof saved.id === 'string') this.localMission = saved;
    } catch {
      this.localMission = null;
    }
  }

  /** A choice made while logged out becomes the account's choice once logged in. */
  private async saveLocalMissionToAccount(): Promise<void> {
    const local = this.localMission;
    if (!local || !this.profile || this.profile.mission) return;
    this.setProfile(await selectMission(local.id));
  }
}

export const sessionStore = new SessionStore();
