// UI strings of 证据包 (features/evidence-packs).

export const evidencePacksZh = {
  'evidencePacks.nav': '证据包',
  'evidencePacks.title': '证据包',
  'evidencePacks.intro':
    '选择组织和周期，生成一个压缩包：记录表（records.xlsx，每类记录一张表）、这些记录的全部佐证材料，以及带 SHA-256 校验值的文件清单（manifest.json / manifest.csv）。',
  'evidencePacks.generate': '生成证据包',
  'evidencePacks.requested': '已开始生成证据包',
  'evidencePacks.requestFailed': '无法生成证据包',
  'evidencePacks.listTitle': '我生成的证据包',
  'evidencePacks.empty': '还没有生成过证据包',
  'evidencePacks.progress': '已完成 {done} / {total} 步',
  'evidencePacks.download': '下载',
  'evidencePacks.size': '大小',
  'evidencePacks.sha256': 'SHA-256',
  'evidencePacks.createdAt': '申请时间 {time}',
  'evidencePacks.finishedAt': '完成时间 {time}',
  'evidencePacks.failedTitle': '证据包生成失败',
  'evidencePacks.copied': '已复制',
} satisfies Record<string, string>;
