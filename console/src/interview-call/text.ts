/** Every string of the citizen's call page (it is not the staff console: plain words for the public). */
import { interviewMessages } from '../../../miniprogram/domain/interview';

export const callText = {
  documentTitle: '视频面审',
  title: '视频面审',
  order: (orderNo: string) => `订单号 ${orderNo}`,
  states: {
    joining: '正在连接',
    media: '正在打开摄像头和麦克风',
    waiting: '等待工作人员',
    connecting: '正在连接',
    connected: '通话中',
    interrupted: '连接中断，正在等待重新连接',
    left: '您已挂断。如需继续面审，请返回小程序重新进入',
    ended: `${interviewMessages.callEnded}，请返回小程序`,
    moved: '面审已在您的另一台设备上继续，本页面已断开。如需在本设备继续，请点“重新进入”',
  },
  reloaded: '页面已刷新，需要重新进入面审（面审仍在进行）',
  reenter: '重新进入',
  waitingHint: '工作人员发起面审后将自动接通，请保持本页面打开',
  officer: '工作人员',
  me: '我',
  hangup: '挂断',
  tapToPlay: '点击播放工作人员的画面和声音',
  ticketInvalid: interviewMessages.ticketInvalid,
  network: '网络连接失败，请检查网络后返回小程序重新进入',
  media: {
    denied: '未获得摄像头和麦克风权限，无法进行视频面审。请在微信中允许使用摄像头和麦克风（可在手机“设置”中为微信开启），然后返回小程序重新进入。',
    notFound: '未检测到可用的摄像头或麦克风，请检查设备后返回小程序重新进入。',
    busy: '摄像头或麦克风正被其他应用占用，请关闭其他应用后返回小程序重新进入。',
    unsupported: '当前环境不支持视频通话，请将微信更新到最新版本后重试。',
  },
} as const;
