// UI strings of the branches page (各支部情况, 各街道（乡镇）情况 on a 区): the home org's children ranked for a period.

export const branchesZh = {
  'branches.title': '{group}情况',
  'branches.hint': '{group}在所选周期内各项工作的完成情况与排名；点击{unit}进入其看板，点击数字查看对应记录。',
} satisfies Record<string, string>;
