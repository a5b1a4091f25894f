import { BOOKING_LEAD_MINUTES } from './domain/interview';
import type { InterviewText } from './text';

/** English (keys and placeholders exactly as text.ts). */
export const en: InterviewText = {
  title: 'Book a video interview',
  loading: 'Loading',
  loadFailed: 'The interview could not be loaded. Please try again later',
  retry: 'Retry',
  back: 'Back',
  orderNo: 'Order no.',
  why: 'Why an interview is needed',
  zone: 'All times below are {zone}',
  zoneNote: 'Your phone is in another time zone; your phone\'s time is shown in brackets.',
  phoneTime: ' (your time {time})',
  minutes: '{minutes} min',
  timeAndLength: '{time} ({length})',
  tips: 'For the interview, sit somewhere quiet and well lit, have your original documents ready, and be on camera yourself.',
  notRequired: 'This application does not need a video interview now',
  slotTaken: 'This slot has just been booked. Please choose another',

  booking: 'Your booking',
  bookingStatus: { booked: 'Booked', cancelled: 'Cancelled', held: 'Interviewed', missed: 'Missed' },
  change: 'Change',
  cancel: 'Cancel booking',
  keep: 'Keep my booking',
  changeHint: 'Choose a new slot below; your current booking is cancelled once you confirm.',
  locked: `Within ${BOOKING_LEAD_MINUTES} minutes of the interview it can no longer be booked, changed or cancelled. Please call the mission with any questions`,
  lockedCall: 'The interview has started; it can no longer be changed or cancelled',
  callOpen: 'Consular staff have started your video interview. Please join now.',
  callWait: 'At your booked time, open this page or the order details and join once consular staff start the interview.',
  join: 'Join the interview',

  slots: 'Choose an interview slot',
  slotsDay: 'Free slots: {count}',
  slotOpen: 'Free',
  leadNote: `Slots starting at least ${BOOKING_LEAD_MINUTES} minutes from now can be booked.`,
  empty: 'No slots are free in the coming weeks. Please call the mission to arrange an interview.',
  callMission: 'Call the mission',

  past: 'Earlier bookings',

  confirm: 'Confirm',
  think: 'Not now',
  bookTitle: 'Confirm booking',
  bookContent: 'Book the video interview at {when}?',
  changeTitle: 'Confirm change',
  changeContent: 'Move the interview to {when}? Your booking at {old} will be cancelled.',
  cancelTitle: 'Cancel booking',
  cancelContent: 'Cancel your interview at {when}? You will need to book again.',
  booked: 'Booked',
  changed: 'Booking changed',
  cancelled: 'Booking cancelled',

  call: {
    title: 'Video interview',
    preparing: 'Joining the interview…',
    permissionTitle: 'Camera and microphone needed',
    permission: 'In the video interview, consular staff need to see and hear you. Please allow "China Consular" to use the camera and microphone.',
    denied: 'Without the camera and microphone the video interview cannot take place. Please turn on "Camera" and "Microphone" in Settings and try again.',
    openSetting: 'Open Settings',
  },
};
