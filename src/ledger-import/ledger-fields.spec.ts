import { completeMapping, mappingProblems, suggestMapping } from './ledger-fields.js';

describe('ledger fields and mapping', () => {
  it('suggests a mapping from the documented titles and from synonyms, each header used once', () => {
    const mapping = suggestMapping(['序号', '来件日期', '信访形式', '姓名', '联系电话', '所属地区', '问题类别', '反映问题', '办理情况', '办理单位', '办结时间', '无关列']);
    expect(mapping).toMatchObject({ externalCode: '序号', receivedAt: null, channel: '信访形式', petitionerName: '姓名', phone: '联系电话', region: '所属地区', category: '问题类别', subject: '反映问题', status: '办理情况', handledBy: '办理单位', closedAt: '办结时间', idNumber: null });
    expect(suggestMapping(['登记 日期', '身份证号码'])).toMatchObject({ receivedAt: '登记 日期', idNumber: '身份证号码' });
  });

  it('names what is wrong with a mapping: a required field left out, an unknown header, a header used twice', () => {
    const headers = ['日期', '姓名', '摘要'];
    expect(mappingProblems(completeMapping({ receivedAt: '日期', petitionerName: '姓名', subject: '摘要', channel: '摘要', region: '没有', category: null }), headers)).toEqual([
      '字段“地区”对应的表头不在文件中',
      '必填字段“类别”未对应表头',
      '表头“摘要”同时对应了“来信来访”和“事项摘要”',
      '必填字段“状态”未对应表头',
    ]);
  });
});
