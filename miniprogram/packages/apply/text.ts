/**
 * What the apply pages say beyond locale/zh-CN.ts's t.apply (the photo sample, progress in
 * parts, the review's fee); kept in the subpackage, as packages/pay/text.ts is, so the main
 * package (at its budget) does not carry it.
 */
export const applyText = {
  photoFirst: '证件照通过检查后即可继续',
  photoSampleTitle: '合格照片示例',
  photoSampleLabel: '合格证件照示例：浅色背景，正面免冠，露出双耳，深色上衣',
  photoSampleRules: ['白色或浅色背景', '正面、免冠、双眼睁开', '露出双耳和眉毛', '深色上衣，脸上无阴影'],
  /** Progress counts parts, not steps: a branch adds or drops steps inside a part, never parts. */
  partOf: '第{n}部分，共{total}部分 · {part}',
  parts: {
    details: '填写申请信息',
    declaration: '签署声明',
    materials: '照片和材料',
    delivery: '缴费和取件',
    face: '身份核验',
    review: '确认提交',
  },
  review: {
    feeTotal: '合计 {amount}',
    /** The draft's price now; the pay page shows the same amount, fixed when submitted. */
    feeNote: '按{option}办理，依使领馆收费标准计算；提交时确定金额，之后收费标准调整不影响本申请。',
    feeUnknown: '费用项目（暂无法获取金额，以使领馆通知为准）：',
  },
} as const;
