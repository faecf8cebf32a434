import type { MessageCatalog } from './catalog';

export const zh: MessageCatalog = {
  title: {
    review_assigned: '请您评审 {code}',
    consent_expiring: '{code} 在 {country} 的同意将于 {days} 天后到期',
    consent_withdrawn: '{code} 在 {country} 的同意已被撤回',
    paragraph6_lost: '{code} 不再符合第 6 段',
    receipt_recorded: '已记录收款 {amount} {currency}',
    review_reminder: '您对 {code} 的评审截止日期为 {due}',
    review_overdue: '{code} 的一项评审已逾期',
    proposal_waiting: '{code} 已评审 {days} 天',
    consent_request_overdue: '{country} 对 {code} 的同意已请求 {days} 天，尚无答复',
    report_due: '{code} 的{report}将于 {date} 到期',
    report_overdue: '{code} 的{report}已逾期',
    revision_decided: '{code} 的{revision}申请已{decision}',
  },
  body: {
    review_assigned: '您已被指派评审提案 {code}“{title}”。',
    consent_expiring: '{country} 对项目 {code}“{title}”的同意有效期至 {date}。请在此之前申请续期。',
    consent_withdrawn: '{country} 对受资助项目 {code}“{title}”的同意已于 {date} 撤回。',
    paragraph6_lost:
      '自 {date} 起，项目 {code}“{title}”不再符合大会第 66/290 号决议第 6 段（受援国的同意及与国家战略相一致）。',
    receipt_recorded: '已于 {date} 记录来自 {donor} 的收款 {amount} {currency}。谨致谢意。',
    review_reminder: '您对提案 {code}“{title}”的评审截止日期为 {due}。',
    review_overdue: '由 {reviewer} 负责的提案 {code}“{title}”的评审应于 {due} 提交，但尚未提交。',
    proposal_waiting: '提案 {code}“{title}”自 {date} 起处于评审中，已超过基金规定的时间。',
    consent_request_overdue: '已于 {date} 请求 {country} 对提案 {code}“{title}”的同意，尚无答复。',
    report_due: '项目 {code}“{title}”的{report}将于 {date} 到期。',
    report_overdue: '项目 {code}“{title}”的{report}应于 {date} 提交，尚未被接受。',
    revision_decided: '项目 {code}“{title}”的{revision}申请已{decision}。',
  },
  words: {
    revision: { budget: '预算修订', extension: '不增加费用的延期' },
    decision: { approved: '批准', rejected: '驳回' },
    report: {
      progress: '进度报告',
      final_narrative: '最终叙述报告',
      final_financial: '最终财务报表',
    },
  },
  dueOn: '评审截止日期为 {due}。',
  open: '在 HSTF Portfolio 中打开',
  digestSubject: 'HSTF Portfolio：今日 {count} 条通知',
  digestIntro: '自上次摘要以来的情况：',
  footer:
    '此消息来自联合国人的安全信托基金的记录系统 HSTF Portfolio。您可在通知设置中选择接收哪些消息以及接收方式。',
  contactFooter:
    '您收到此邮件，是因为您是联合国人的安全信托基金为本项目登记的{organization}联系人。如需更改或删除此联系人，请致函基金的人的安全股。',
};
