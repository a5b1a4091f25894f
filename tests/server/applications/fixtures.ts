/** Answers for whole applications, step by step, shared by engine, API and end-to-end tests. */

export const TODAY = new Date(Date.UTC(2025, 5, 15));

/** A self renewal: adult, married, employed, online payment, collect at the mission. */
export const renewalSteps: Array<[string, Record<string, string | boolean>]> = [
  ['eligibility', { case: 'renewal', applicantRelation: 'self' }],
  ['renewal-reason', { renewalReason: 'expiring' }],
  [
    'personal',
    {
      surnameZh: '李',
      givenNameZh: '明',
      surnamePinyin: 'li',
      givenNamePinyin: 'ming',
      sex: 'M',
      birthDate: '1985-03-02',
      birthPlace: '北京',
    },
  ],
  ['current-passport', { currentPassportNumber: 'E12345678', currentPassportExpiry: '2026-01-10' }],
  ['family', { fatherName: '李大山', motherName: '王芳', maritalStatus: 'married', spouseName: '张丽' }],
  [
    'contact',
    {
      phone: '+1 212 555 0100',
      email: 'li.ming@example.com',
      residenceCountry: 'us',
      addressAbroad: '100 Main St, New York, NY 10001',
      addressInChina: '北京市朝阳区建国路1号',
      domesticContactName: '李大山',
      domesticContactPhone: '13812345678',
    },
  ],
  ['occupation', { occupation: 'employed', employer: 'Example Inc.', lastExitDate: '2019-08-01', lastExitPort: '北京首都机场' }],
  ['declaration', { declarationAgreed: true }],
  ['photo', {}],
  ['documents', {}],
  ['delivery', { materialsSubmission: 'online_only', collection: 'mission', paymentMethod: 'online' }],
  ['face', {}],
  ['review', {}],
];

export const renewalAnswers = (): Record<string, string | boolean> =>
  Object.assign({}, ...renewalSteps.map(([, answers]) => answers));

/** A child (6 years old on TODAY), first issue, applied for by a parent. */
export const childFirstIssueAnswers = (): Record<string, string | boolean> => ({
  case: 'first_issue',
  applicantRelation: 'child',
  applicantIdType: 'none',
  surnameZh: '李',
  givenNameZh: '小宝',
  surnamePinyin: 'LI',
  givenNamePinyin: 'XIAOBAO',
  sex: 'F',
  birthDate: '2019-01-20',
  birthPlace: '美国',
  fatherName: '李明',
  motherName: '张丽',
  maritalStatus: 'single',
  guardianName: '李明',
  guardianRelation: 'father',
  guardianIdType: 'resident_id',
  guardianIdNumber: '11010519491231002X',
  guardianPhone: '+12125550100',
  phone: '+12125550100',
  residenceCountry: 'US',
  addressAbroad: '100 Main St, New York',
  addressInChina: '北京市朝阳区建国路1号',
  domesticContactName: '李大山',
  domesticContactPhone: '13812345678',
  occupation: 'child',
  declarationAgreed: true,
  materialsSubmission: 'online_only',
  collection: 'mail',
  mailRecipient: '李明',
  mailPhone: '+12125550100',
  mailAddress: '100 Main St, New York',
  paymentMethod: 'at_mission',
});

const isoDay = (date: Date, plusDays: number) => new Date(date.getTime() + plusDays * 86_400_000).toISOString().slice(0, 10);

/** Emergency: a tourist whose passport was stolen (dates relative to `today`). */
export const emergencySteps = (today: Date = new Date()): Array<[string, Record<string, string | boolean>]> => [
  ['eligibility', { stayType: 'short_term_visitor', visitPurpose: 'tourism', emergencyReason: 'stolen', applicantRelation: 'self' }],
  ['loss-details', { lossDate: isoDay(today, -3), lossPlace: 'Times Square', lossCircumstances: '背包被盗', policeReported: 'yes' }],
  ['trip', { entryDate: isoDay(today, -14), departureDate: isoDay(today, 5), destinationCountry: 'CN', stayAddress: 'Hotel 1, New York' }],
  [
    'personal',
    { surnameZh: '王', givenNameZh: '强', surnamePinyin: 'WANG', givenNamePinyin: 'QIANG', sex: 'M', birthDate: '1990-01-01', birthPlace: '上海' },
  ],
  ['contact', { phone: '13812345678', addressInChina: '上海市黄浦区1号', domesticContactName: '王芳', domesticContactPhone: '13912345678' }],
  ['photo', {}],
  ['documents', {}],
  ['delivery', { collection: 'mission', paymentMethod: 'online' }],
  ['face', {}],
  ['review', { confirmNoWithdrawal: true }],
];
