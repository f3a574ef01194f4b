/**
 * The statistics tables reports printed before the 2019 national template, as their forms word them: the
 * short list many provinces used from 2008 (the Pingtan 2016 page of ../shared/corpus prints it) and the
 * national office's form of 2015 (sections 一 … 九). One home for their wording, units and sums: the reader
 * of an OCR'd statistics table (legacy-ocr.ts) knows a damaged indicator by it; the variety tool renders them.
 */

export interface KnownRow {
  indicator: string;
  /** '' on a section row (it prints no unit and no value). */
  unit: string;
  /** The rows this row is the sum of, by their wording: each the first row so worded after this one. */
  sum?: string[];
}

export interface KnownForm {
  id: 'short-2008' | 'national-2015';
  rows: KnownRow[];
}

const section = (indicator: string): KnownRow => ({ indicator, unit: '' });

export const KNOWN_FORMS: readonly KnownForm[] = [
  {
    id: 'short-2008',
    rows: [
      { indicator: '主动公开文件数', unit: '条', sum: ['其中：1、政府网站公开数', '2、政府公报公开数'] },
      { indicator: '其中：1、政府网站公开数', unit: '条' },
      { indicator: '2、政府公报公开数', unit: '条' },
      { indicator: '受理依申请公开信息总数', unit: '条', sum: ['其中：1、当面申请数', '2、网上申请数', '3、信函、传真申请数'] },
      { indicator: '其中：1、当面申请数', unit: '条' },
      { indicator: '2、网上申请数', unit: '条' },
      { indicator: '3、信函、传真申请数', unit: '条' },
      { indicator: '对申请的答复总数', unit: '条', sum: ['其中：1、同意公开答复数', '2、同意部分公开答复数', '3、不予公开答复数', '4、其他类型答复数'] },
      { indicator: '其中：1、同意公开答复数', unit: '条' },
      { indicator: '2、同意部分公开答复数', unit: '条' },
      { indicator: '3、不予公开答复数', unit: '条' },
      { indicator: '4、其他类型答复数', unit: '条' },
      { indicator: '政府信息公开收费减免金额', unit: '元' },
      { indicator: '接受行政诉讼、举报数', unit: '件' },
      { indicator: '行政复议数', unit: '件' },
      { indicator: '行政诉讼数', unit: '件' },
    ],
  },
  {
    id: 'national-2015',
    rows: [
      section('一、主动公开情况'),
      { indicator: '（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）', unit: '条' },
      { indicator: '其中：主动公开规范性文件数', unit: '条' },
      { indicator: '制发规范性文件总数', unit: '件' },
      section('（二）通过不同渠道和方式公开政府信息的情况'),
      { indicator: '1.政府公报公开政府信息数', unit: '条' },
      { indicator: '2.政府网站公开政府信息数', unit: '条' },
      { indicator: '3.政务微博公开政府信息数', unit: '条' },
      { indicator: '4.政务微信公开政府信息数', unit: '条' },
      { indicator: '5.其他方式公开政府信息数', unit: '条' },
      section('二、回应解读情况'),
      { indicator: '（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）', unit: '次' },
      section('（二）通过不同渠道和方式回应解读的情况'),
      { indicator: '1.参加或举办新闻发布会总次数', unit: '次' },
      { indicator: '其中：主要负责同志参加新闻发布会次数', unit: '次' },
      { indicator: '2.政府网站在线访谈次数', unit: '次' },
      { indicator: '其中：主要负责同志参加政府网站在线访谈次数', unit: '次' },
      { indicator: '3.政策解读稿件发布数', unit: '篇' },
      { indicator: '4.微博微信回应事件数', unit: '次' },
      { indicator: '5.其他方式回应事件数', unit: '次' },
      section('三、依申请公开情况'),
      { indicator: '（一）收到申请数', unit: '件', sum: ['1.当面申请数', '2.传真申请数', '3.网络申请数', '4.信函申请数'] },
      { indicator: '1.当面申请数', unit: '件' },
      { indicator: '2.传真申请数', unit: '件' },
      { indicator: '3.网络申请数', unit: '件' },
      { indicator: '4.信函申请数', unit: '件' },
      { indicator: '（二）申请办结数', unit: '件', sum: ['1.按时办结数', '2.延期办结数'] },
      { indicator: '1.按时办结数', unit: '件' },
      { indicator: '2.延期办结数', unit: '件' },
      {
        indicator: '（三）申请答复数',
        unit: '件',
        sum: ['1.属于已主动公开范围数', '2.同意公开答复数', '3.同意部分公开答复数', '4.不同意公开答复数', '5.不属于本行政机关公开数', '6.申请信息不存在数', '7.告知作出更改补充数', '8.告知通过其他途径办理数'],
      },
      { indicator: '1.属于已主动公开范围数', unit: '件' },
      { indicator: '2.同意公开答复数', unit: '件' },
      { indicator: '3.同意部分公开答复数', unit: '件' },
      { indicator: '4.不同意公开答复数', unit: '件', sum: ['其中：涉及国家秘密', '涉及商业秘密', '涉及个人隐私', '危及国家安全、公共安全、经济安全和社会稳定', '不是《条例》所指政府信息', '法律法规规定的其他情形'] },
      { indicator: '其中：涉及国家秘密', unit: '件' },
      { indicator: '涉及商业秘密', unit: '件' },
      { indicator: '涉及个人隐私', unit: '件' },
      { indicator: '危及国家安全、公共安全、经济安全和社会稳定', unit: '件' },
      { indicator: '不是《条例》所指政府信息', unit: '件' },
      { indicator: '法律法规规定的其他情形', unit: '件' },
      { indicator: '5.不属于本行政机关公开数', unit: '件' },
      { indicator: '6.申请信息不存在数', unit: '件' },
      { indicator: '7.告知作出更改补充数', unit: '件' },
      { indicator: '8.告知通过其他途径办理数', unit: '件' },
      { indicator: '四、行政复议数量', unit: '件', sum: ['（一）维持具体行政行为数', '（二）被依法纠错数', '（三）其他情形数'] },
      { indicator: '（一）维持具体行政行为数', unit: '件' },
      { indicator: '（二）被依法纠错数', unit: '件' },
      { indicator: '（三）其他情形数', unit: '件' },
      { indicator: '五、行政诉讼数量', unit: '件', sum: ['（一）维持具体行政行为或者驳回原告诉讼请求数', '（二）被依法纠错数', '（三）其他情形数'] },
      { indicator: '（一）维持具体行政行为或者驳回原告诉讼请求数', unit: '件' },
      { indicator: '（二）被依法纠错数', unit: '件' },
      { indicator: '（三）其他情形数', unit: '件' },
      { indicator: '六、举报投诉数量', unit: '件' },
      { indicator: '七、依申请公开信息收取的费用', unit: '万元' },
      section('八、机构建设和保障经费情况'),
      { indicator: '（一）政府信息公开工作专门机构数', unit: '个' },
      { indicator: '（二）设置政府信息公开查阅点数', unit: '个' },
      { indicator: '（三）从事政府信息公开工作人员数', unit: '人', sum: ['1.专职人员数（不包括政府公报及政府网站工作人员数）', '2.兼职人员数'] },
      { indicator: '1.专职人员数（不包括政府公报及政府网站工作人员数）', unit: '人' },
      { indicator: '2.兼职人员数', unit: '人' },
      { indicator: '（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）', unit: '万元' },
      section('九、政府信息公开会议和培训情况'),
      { indicator: '（一）召开政府信息公开工作会议或专题会议数', unit: '次' },
      { indicator: '（二）举办各类培训班数', unit: '次' },
      { indicator: '（三）接受培训人员数', unit: '人次' },
    ],
  },
];
