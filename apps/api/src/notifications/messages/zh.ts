import type { MessageCatalog } from './catalog';

export const zh: MessageCatalog = {
  title: {
    review_assigned: '请您评审 {code}',
    consent_expiring: '{code} 在 {country} 的同意将于 {days} 天后到期',
    consent_withdrawn: '{code} 在 {country} 的同意已被撤回',
    paragraph6_lost: '{code} 不再符合第 6 段',
    receipt_recorded: '已记录收款 {amount} {currency}',
  },
  body: {
    review_assigned: '您已被指派评审提案 {code}“{title}”。',
    consent_expiring: '{country} 对项目 {code}“{title}”的同意有效期至 {date}。请在此之前申请续期。',
    consent_withdrawn: '{country} 对受资助项目 {code}“{title}”的同意已于 {date} 撤回。',
    paragraph6_lost:
      '自 {date} 起，项目 {code}“{title}”不再符合大会第 66/290 号决议第 6 段（受援国的同意及与国家战略相一致）。',
    receipt_recorded: '已于 {date} 记录来自 {donor} 的收款 {amount} {currency}。谨致谢意。',
  },
  dueOn: '评审截止日期为 {due}。',
  open: '在 HSTF Portfolio 中打开',
  digestSubject: 'HSTF Portfolio：今日 {count} 条通知',
  digestIntro: '自上次摘要以来的情况：',
  footer:
    '此消息来自联合国人的安全信托基金的记录系统 HSTF Portfolio。您可在通知设置中选择接收哪些消息以及接收方式。',
};
