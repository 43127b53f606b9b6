// UI strings of the branches page (支部情况): the street's branches ranked for a period.

export const branchesZh = {
  'branches.title': '支部情况',
  'branches.hint': '各支部在所选周期内各项工作的完成情况与排名；点击支部进入该支部看板，点击数字查看对应记录。',
} satisfies Record<string, string>;
