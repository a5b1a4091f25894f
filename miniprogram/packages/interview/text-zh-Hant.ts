import { BOOKING_LEAD_MINUTES } from './domain/interview';
import type { InterviewText } from './text';

/** 繁體中文 (keys and placeholders exactly as the 简体中文 source). */
export const zhHant: InterviewText = {
  title: '預約視訊面審',
  loading: '載入中',
  loadFailed: '面審資訊載入失敗，請稍後重試',
  retry: '重試',
  back: '返回',
  orderNo: '訂單號',
  why: '需要面審的原因',
  zone: '以下時間均為{zone}',
  zoneNote: '您的手機不在該時區，括號中是您手機上的時間。',
  phoneTime: '（您的時間 {time}）',
  minutes: '{minutes}分鐘',
  timeAndLength: '{time}（{length}）',
  tips: '面審時請在光線充足、安靜的地方，準備好證件正本，由申請人本人出鏡。',
  notRequired: '該申請目前無需視訊面審',
  slotTaken: '該時段已被預約，請選擇其他時段',

  booking: '目前預約',
  bookingStatus: { booked: '已預約', cancelled: '已取消', held: '已面審', missed: '未參加' },
  change: '改約',
  cancel: '取消預約',
  keep: '不改約了',
  changeHint: '請在下方選擇新的時段，確認後原預約自動取消。',
  locked: `面審開始前${BOOKING_LEAD_MINUTES}分鐘內不能預約、改約或取消，如有問題請致電使領館`,
  lockedCall: '面審已開始，不能再改約或取消',
  callOpen: '使領館工作人員已發起視訊面審，請儘快進入。',
  callWait: '請在預約時間開啟本頁或訂單詳情，等待使領館工作人員發起面審後進入。',
  join: '進入面審',

  slots: '選擇面審時段',
  slotsDay: '{count}個時段可預約',
  slotOpen: '可預約',
  leadNote: `可預約${BOOKING_LEAD_MINUTES}分鐘之後的時段。`,
  empty: '近期暫無可預約的時段，請致電使領館預約面審。',
  callMission: '致電使領館',

  past: '以往預約',

  confirm: '確定',
  think: '再想想',
  bookTitle: '確認預約',
  bookContent: '預約 {when} 的視訊面審？',
  changeTitle: '確認改約',
  changeContent: '將面審時間改為 {when}？原預約 {old} 將取消。',
  cancelTitle: '取消預約',
  cancelContent: '確定取消 {when} 的面審預約嗎？取消後需重新預約。',
  booked: '預約成功',
  changed: '改約成功',
  cancelled: '已取消預約',

  call: {
    title: '視訊面審',
    preparing: '正在進入面審…',
    permissionTitle: '需要相機和麥克風',
    permission: '視訊面審時，使領館工作人員需要看到和聽到您。請允許「中國領事」使用相機和麥克風。',
    denied: '您未允許使用相機或麥克風，無法進行視訊面審。請在設定中開啟「相機」和「麥克風」後重試。',
    openSetting: '前往設定',
  },
};
