// UI strings of 审计链核验 (features/audit): the check that the audit trail is intact (ADR 012).

export const auditZh = {
  'audit.nav': '审计链核验',
  'audit.title': '审计链核验',
  'audit.intro':
    '系统的每一条审计记录都带有前一条记录的哈希值，首尾相连成链。核验会从第一条记录逐条重新计算，任何记录被修改、删除、插入或调换顺序，都会在断开处被发现。',
  'audit.verify': '核验审计链',
  'audit.verifyAgain': '重新核验',
  'audit.checking': '正在逐条核验，记录较多时需要一些时间…',
  'audit.notYet': '尚未核验。点击“核验审计链”开始。',
  'audit.ok': '审计链完整',
  'audit.okText': '已核验 {count} 条审计记录，未发现改动。最后一条记录编号 {id}。',
  'audit.empty': '还没有审计记录。',
  'audit.lastHash': '最后哈希值',
  'audit.lastHashHint':
    '请将此值连同记录编号另行留存（打印或归档）。审计链只能发现局部改动；日后若整条链被重写或末尾记录被删除，只有与留存值比对才能发现。',
  'audit.broken': '审计链在第 {id} 号记录处断开',
  'audit.brokenText': '已核验 {count} 条记录。请将以下信息报告系统管理员，并保留数据库备份以便追查。',
  'audit.field.id': '记录编号',
  'audit.field.at': '记录时间',
  'audit.field.reason': '原因',
  'audit.field.expected': '应为',
  'audit.field.found': '实为',
  'audit.field.none': '（空）',
  'audit.reason.HASH_MISMATCH': '内容被改动：该记录的内容与其哈希值不符',
  'audit.reason.PREV_MISMATCH': '链接断开：前面的记录被删除或插入，或记录顺序被调换',
  'audit.reason.UNCHAINED': '未入链：该记录没有哈希值，是绕过系统写入的',
  'audit.checkedAt': '核验时间 {time}',
} satisfies Record<string, string>;

export const auditEn: Record<keyof typeof auditZh, string> = {
  'audit.nav': 'Audit chain',
  'audit.title': 'Audit chain check',
  'audit.intro':
    'Every audit record carries the hash of the record before it, so the records form a chain. The check recomputes it from the first record on: a record edited, deleted, inserted or moved shows where the chain breaks.',
  'audit.verify': 'Check the audit chain',
  'audit.verifyAgain': 'Check again',
  'audit.checking': 'Checking record by record; a long trail takes a while…',
  'audit.notYet': 'Not checked yet. Press “Check the audit chain” to start.',
  'audit.ok': 'The audit chain is intact',
  'audit.okText': '{count} audit records checked, no change found. Last record: no. {id}.',
  'audit.empty': 'There are no audit records yet.',
  'audit.lastHash': 'Last hash',
  'audit.lastHashHint':
    'Keep this value and the record number outside the system (print or file it). The chain shows changes inside it; a chain rewritten as a whole or records deleted from its end only show against a value kept earlier.',
  'audit.broken': 'The audit chain breaks at record no. {id}',
  'audit.brokenText':
    '{count} records checked. Report the details below to the administrator and keep a database backup for the investigation.',
  'audit.field.id': 'Record no.',
  'audit.field.at': 'Recorded at',
  'audit.field.reason': 'Reason',
  'audit.field.expected': 'Expected',
  'audit.field.found': 'Found',
  'audit.field.none': '(none)',
  'audit.reason.HASH_MISMATCH': 'Content changed: the record does not match its hash',
  'audit.reason.PREV_MISMATCH': 'Link broken: a record before it was deleted or inserted, or records were reordered',
  'audit.reason.UNCHAINED': 'Not chained: the record has no hash; it was written around the system',
  'audit.checkedAt': 'Checked at {time}',
};
