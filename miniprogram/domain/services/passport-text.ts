import type { ServiceTexts } from './service-text';
import { passportTile } from './passport-tile';

/**
 * Every word of the passport service (passport.ts holds the structure). One map per
 * language; the shared fields of common-fields.ts are worded in common-fields-text.ts.
 */
export const passportTexts: ServiceTexts = {
  'zh-CN': {
    title: passportTile.title,
    steps: {
      eligibility: {
        title: '申请须知',
        intro:
          '请准备：近期证件照（白色背景、深色上衣）、现持护照资料页照片（换发或损毁补发）、遗失或被盗情况说明（遗失补发）。' +
          '为未满16周岁的子女申请，还需监护人证件、监护关系证明和监护人同意书。填写过程中会自动保存，可随时继续。',
      },
      'renewal-reason': { title: '换发原因' },
      'replacement-reason': { title: '补发原因' },
      'loss-details': { title: '遗失/被盗情况' },
      applicant: { title: '申请人证件' },
      personal: { title: '个人信息' },
      'current-passport': { title: '现持护照' },
      family: { title: '家庭成员' },
      guardian: { title: '监护人信息', intro: '申请人未满16周岁，须由监护人代为申请并提供监护人证件、监护关系证明和同意书。' },
      contact: { title: '住址与联系方式' },
      occupation: { title: '职业与出境记录' },
      declaration: {
        title: '国籍状况声明书',
        intro: '请阅读声明并在下方手写签名。申请人未满10周岁的，由监护人代为签名。',
        declaration: {
          title: '国籍状况声明书',
          text:
            '本人郑重声明：\n' +
            '一、本人为中华人民共和国公民，未加入或取得外国国籍；\n' +
            '二、本人如已获得外国永久居留资格或其他长期居留身份，已在申请中如实说明；\n' +
            '三、本人所填写的信息和提交的材料真实、准确、完整。\n' +
            '本人知悉：如声明不实，所申领的证件将被宣布作废，并依法承担相应责任。',
        },
      },
      photo: { title: '证件照' },
      documents: { title: '上传材料' },
      delivery: { title: '递交与领取' },
      face: { title: '身份核验', intro: '通过微信人脸核身确认是申请人本人。可以跳过，跳过或未通过的申请需要预约视频面审。' },
      review: { title: '核对并提交' },
    },
    fields: {
      case: {
        label: '申请类别',
        options: {
          first_issue: { label: '首次申请护照', hint: '从未持有过中国护照' },
          renewal: { label: '护照换发', hint: '已过期、有效期不足1年或签证页不足4页' },
          replacement: { label: '护照补发', hint: '遗失、被盗或损毁' },
          travel_document: { label: '旅行证', hint: '无法申领护照时的替代证件' },
        },
      },
      renewalReason: { label: '换发原因', options: { expired: '护照已过期', expiring: '有效期不足1年', pages_full: '空白签证页不足4页' } },
      replacementReason: { label: '补发原因', options: { lost: '遗失', stolen: '被盗', damaged: '损毁' } },
      currentPassportNumber: { label: '现持（原）护照号码' },
      currentPassportExpiry: { label: '护照有效期至' },
      fatherName: { label: '父亲姓名' },
      motherName: { label: '母亲姓名' },
      maritalStatus: { label: '婚姻状况', options: { single: '未婚', married: '已婚', divorced: '离异', widowed: '丧偶' } },
      spouseName: { label: '配偶姓名' },
      occupation: {
        label: '职业',
        options: {
          employed: '受雇',
          self_employed: '自雇/经商',
          student: '学生',
          retired: '退休',
          unemployed: '无业',
          child: '学龄前儿童',
          other: '其他',
        },
      },
      employer: { label: '工作单位或学校' },
      lastExitDate: { label: '最近一次出境日期' },
      lastExitPort: { label: '出境口岸', hint: '如 北京首都机场' },
      declarationAgreed: { label: '本人已阅读并确认以上声明' },
      materialsSubmission: {
        label: '材料递交方式',
        options: {
          online_only: { label: '仅在线提交', hint: '旧护照（如有）在领取新证时交回' },
          mail_old_passport: { label: '在线提交，并邮寄旧护照', hint: '订单进入“待制证”后，将旧护照寄至使领馆，注明姓名和订单号' },
        },
      },
    },
    documents: {
      passport_data_page: { label: '现持护照资料页' },
      endorsement_pages: { label: '护照备注页', hint: '如有加注，请一并拍照' },
      loss_statement: { label: '遗失/被盗情况说明' },
      police_report: { label: '警方报案证明' },
      identity_proof: { label: '国籍身份证明（居民身份证、户口簿或出生证明）' },
      declaration_signature: { label: '国籍状况声明书签名' },
    },
    fees: { passport: '护照费', travel_document: '旅行证费' },
  },
  /** 繁體中文: every word of the service but the shared fields' (common-fields-text.ts). */
  'zh-Hant': {
    title: passportTile.titles['zh-Hant'],
    steps: {
      eligibility: {
        title: '申請須知',
        intro: '請準備：近期證件照（白色背景、深色上衣）、現持護照資料頁照片（換發或損毀補發）、遺失或被盜情況說明（遺失補發）。為未滿16週歲的子女申請，還需監護人證件、監護關係證明和監護人同意書。填寫過程中會自動儲存，可隨時繼續。',
      },
      'renewal-reason': { title: '換發原因' },
      'replacement-reason': { title: '補發原因' },
      'loss-details': { title: '遺失/被盜情況' },
      applicant: { title: '申請人證件' },
      personal: { title: '個人資訊' },
      'current-passport': { title: '現持護照' },
      family: { title: '家庭成員' },
      guardian: { title: '監護人資訊', intro: '申請人未滿16週歲，須由監護人代為申請並提供監護人證件、監護關係證明和同意書。' },
      contact: { title: '住址與聯絡方式' },
      occupation: { title: '職業與出境記錄' },
      declaration: {
        title: '國籍狀況聲明書',
        intro: '請閱讀聲明並在下方手寫簽名。申請人未滿10週歲的，由監護人代為簽名。',
        declaration: {
          title: '國籍狀況聲明書',
          text: '本人鄭重聲明：\n一、本人為中華人民共和國公民，未加入或取得外國國籍；\n二、本人如已獲得外國永久居留資格或其他長期居留身份，已在申請中如實說明；\n三、本人所填寫的資訊和提交的材料真實、準確、完整。\n本人知悉：如聲明不實，所申領的證件將被宣佈作廢，並依法承擔相應責任。',
        },
      },
      photo: { title: '證件照' },
      documents: { title: '上傳材料' },
      delivery: { title: '遞交與領取' },
      face: { title: '身份核驗', intro: '透過微信人臉核身確認是申請人本人。可以跳過，跳過或未通過的申請需要預約視訊面審。' },
      review: { title: '核對並提交' },
    },
    fields: {
      case: {
        label: '申請類別',
        options: {
          first_issue: { label: '首次申請護照', hint: '從未持有過中國護照' },
          renewal: { label: '護照換發', hint: '已過期、有效期不足1年或簽證頁不足4頁' },
          replacement: { label: '護照補發', hint: '遺失、被盜或損毀' },
          travel_document: { label: '旅行證', hint: '無法申領護照時的替代證件' },
        },
      },
      renewalReason: { label: '換發原因', options: { expired: '護照已過期', expiring: '有效期不足1年', pages_full: '空白簽證頁不足4頁' } },
      replacementReason: { label: '補發原因', options: { lost: '遺失', stolen: '被盜', damaged: '損毀' } },
      currentPassportNumber: { label: '現持（原）護照號碼' },
      currentPassportExpiry: { label: '護照有效期至' },
      fatherName: { label: '父親姓名' },
      motherName: { label: '母親姓名' },
      maritalStatus: { label: '婚姻狀況', options: { single: '未婚', married: '已婚', divorced: '離異', widowed: '喪偶' } },
      spouseName: { label: '配偶姓名' },
      occupation: {
        label: '職業',
        options: {
          employed: '受僱',
          self_employed: '自僱/經商',
          student: '學生',
          retired: '退休',
          unemployed: '無業',
          child: '學齡前兒童',
          other: '其他',
        },
      },
      employer: { label: '工作單位或學校' },
      lastExitDate: { label: '最近一次出境日期' },
      lastExitPort: { label: '出境口岸', hint: '如 北京首都機場' },
      declarationAgreed: { label: '本人已閱讀並確認以上聲明' },
      materialsSubmission: {
        label: '材料遞交方式',
        options: {
          online_only: { label: '僅線上提交', hint: '舊護照（如有）在領取新證時交回' },
          mail_old_passport: { label: '線上提交，並郵寄舊護照', hint: '訂單進入「待制證」後，將舊護照寄至使領館，註明姓名和訂單號' },
        },
      },
    },
    documents: {
      passport_data_page: { label: '現持護照資料頁' },
      endorsement_pages: { label: '護照備註頁', hint: '如有加註，請一併拍照' },
      loss_statement: { label: '遺失/被盜情況說明' },
      police_report: { label: '警方報案證明' },
      identity_proof: { label: '國籍身份證明（居民身份證、戶口簿或出生證明）' },
      declaration_signature: { label: '國籍狀況聲明書簽名' },
    },
    fees: { passport: '護照費', travel_document: '旅行證費' },
  },
  /** English: every word of the service but the shared fields'. */
  en: {
    title: passportTile.titles.en,
    steps: {
      eligibility: {
        title: 'Before you start',
        intro: 'Please have ready: a recent ID photo (white background, dark top); a photo of your current passport\'s data page (renewal, or replacement of a damaged passport); a statement of loss or theft (replacement of a lost passport). For a child under 16 you also need the guardian\'s ID, proof of guardianship and the guardian\'s consent. Your answers are saved as you go; you can continue at any time.',
      },
      'renewal-reason': { title: 'Reason for renewal' },
      'replacement-reason': { title: 'Reason for replacement' },
      'loss-details': { title: 'Loss or theft' },
      applicant: { title: 'Applicant\'s ID' },
      personal: { title: 'Personal details' },
      'current-passport': { title: 'Current passport' },
      family: { title: 'Family' },
      guardian: {
        title: 'Guardian',
        intro: 'The applicant is under 16: a guardian applies on their behalf and provides the guardian\'s ID, proof of guardianship and written consent.',
      },
      contact: { title: 'Address and contact' },
      occupation: { title: 'Occupation and last departure' },
      declaration: {
        title: 'Declaration of nationality status',
        intro: 'Read the declaration and sign by hand below. For an applicant under 10, the guardian signs.',
        declaration: {
          title: 'Declaration of nationality status',
          text: 'I solemnly declare that:\n1. I am a citizen of the People\'s Republic of China and have not acquired a foreign nationality;\n2. if I hold permanent residence or another long-term residence status abroad, I have stated it truthfully in this application;\n3. the information I have given and the documents I have submitted are true, accurate and complete.\nI understand that if this declaration is untrue, the document issued will be declared invalid and I will bear legal responsibility.',
        },
      },
      photo: { title: 'ID photo' },
      documents: { title: 'Upload documents' },
      delivery: { title: 'Submission and collection' },
      face: {
        title: 'Identity check',
        intro: 'Confirms with WeChat face verification that you are the applicant. You may skip it; an application that skips it or does not pass needs a video interview to be booked.',
      },
      review: { title: 'Check and submit' },
    },
    fields: {
      case: {
        label: 'Type of application',
        options: {
          first_issue: { label: 'First passport', hint: 'Never held a Chinese passport' },
          renewal: {
            label: 'Passport renewal',
            hint: 'Expired, valid for less than 1 year, or fewer than 4 visa pages left',
          },
          replacement: { label: 'Passport replacement', hint: 'Lost, stolen or damaged' },
          travel_document: { label: 'Travel document', hint: 'Issued when a passport cannot be' },
        },
      },
      renewalReason: {
        label: 'Reason for renewal',
        options: {
          expired: 'The passport has expired',
          expiring: 'Valid for less than 1 year',
          pages_full: 'Fewer than 4 blank visa pages',
        },
      },
      replacementReason: { label: 'Reason for replacement', options: { lost: 'Lost', stolen: 'Stolen', damaged: 'Damaged' } },
      currentPassportNumber: { label: 'Current (previous) passport number' },
      currentPassportExpiry: { label: 'Passport valid until' },
      fatherName: { label: 'Father\'s name' },
      motherName: { label: 'Mother\'s name' },
      maritalStatus: {
        label: 'Marital status',
        options: { single: 'Single', married: 'Married', divorced: 'Divorced', widowed: 'Widowed' },
      },
      spouseName: { label: 'Spouse\'s name' },
      occupation: {
        label: 'Occupation',
        options: {
          employed: 'Employed',
          self_employed: 'Self-employed / business',
          student: 'Student',
          retired: 'Retired',
          unemployed: 'Not employed',
          child: 'Pre-school child',
          other: 'Other',
        },
      },
      employer: { label: 'Employer or school' },
      lastExitDate: { label: 'Date of last departure from China' },
      lastExitPort: { label: 'Port of departure', hint: 'e.g. Beijing Capital Airport' },
      declarationAgreed: { label: 'I have read and confirm the declaration above' },
      materialsSubmission: {
        label: 'How to submit documents',
        options: {
          online_only: { label: 'Online only', hint: 'Hand in your old passport (if any) when you collect the new one' },
          mail_old_passport: {
            label: 'Online, and mail the old passport',
            hint: 'When the order reaches "Awaiting production", mail your old passport to the embassy or consulate with your name and order number',
          },
        },
      },
    },
    documents: {
      passport_data_page: { label: 'Data page of current passport' },
      endorsement_pages: { label: 'Passport endorsement pages', hint: 'If there are endorsements, photograph them too' },
      loss_statement: { label: 'Statement of loss or theft' },
      police_report: { label: 'Police report' },
      identity_proof: { label: 'Proof of nationality (resident ID card, household register or birth certificate)' },
      declaration_signature: { label: 'Signature on the declaration of nationality status' },
    },
    fees: { passport: 'Passport fee', travel_document: 'Travel document fee' },
  },
};
