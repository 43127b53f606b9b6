// Response schemas and OpenAPI names shared by every route, derived in one place from what a
// route declares: its method, path, headers (If-Match, Idempotency-Key) and config (throttled).
// app.ts applies `describeRoute` to every route as it is added (an onRoute hook), so the
// OpenAPI document lists the statuses each route can really answer, in the one error shape.
import { ErrorBodySchema } from '@dutyboard/contracts/errors';
import type { RouteOptions } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route can refuse with 429: sign-in throttling or the per-user limit on running jobs. */
    throttled?: boolean;
  }
}

/** What any /api route can answer: bad input, signed out, refused, missing, and the server's own. */
export const errorResponses = {
  400: ErrorBodySchema,
  401: ErrorBodySchema,
  403: ErrorBodySchema,
  404: ErrorBodySchema,
  500: ErrorBodySchema,
  503: ErrorBodySchema,
} as const;

/** The statuses a route can answer beyond `errorResponses`, from its traits. */
export function traitStatuses(route: { method: string; headers: readonly string[]; throttled?: boolean }): number[] {
  const statuses = new Set<number>();
  if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method)) {
    // A write can conflict with the data (CONFLICT, INVALID_TRANSITION); its body can be too large
    // or of a type not read.
    for (const s of [409, 413, 415]) statuses.add(s);
  }
  // If-Match: 412 when the version is not the stored one.
  if (route.headers.includes('if-match')) statuses.add(412);
  // Idempotency-Key: 409 while the first request runs, 422 when reused with another body.
  if (route.headers.includes('idempotency-key')) for (const s of [409, 422]) statuses.add(s);
  // Sign-in throttling and the per-user limit on running jobs.
  if (route.throttled) statuses.add(429);
  return [...statuses].sort();
}

const headerNames = (schema: unknown): string[] => {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape).map((k) => k.toLowerCase()) : [];
};

/** "getRiskAlertsByIdTransitions" from GET /api/risk-alerts/:id/transitions. */
export function operationIdFor(method: string, url: string): string {
  const words = url
    .replace(/^\/api\/?/, '')
    .split('/')
    .filter(Boolean)
    .flatMap((segment) => (segment.startsWith(':') ? ['by', segment.slice(1)] : segment.split(/[^A-Za-z0-9]+/)))
    .filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0]?.toUpperCase() + w.slice(1)).join('');
}

/** The noun of each collection, for the summaries of routes that do not write their own. */
const NOUNS: Record<string, string> = {
  health: '服务健康状态',
  auth: '账号',
  me: '当前用户',
  orgs: '组织',
  activities: '活动',
  'study-sessions': '学习研讨记录',
  publicity: '宣传报道',
  'risk-points': '阵地/风险点',
  'risk-alerts': '舆情',
  rectifications: '整改记录',
  assignments: '责任事项',
  dashboard: '工作看板',
  users: '用户',
  attachments: '佐证材料',
  history: '修改历史',
  notifications: '提醒',
  periods: '周期',
  targets: '年度指标',
  'target-rules': '指标规则',
  'evidence-packs': '证据包',
  exports: '导出',
  audit: '审计链',
  imports: '导入',
  reports: '工作总结',
};

/** The words of a path's action or sub-resource segment. */
const ACTIONS: Record<string, string> = {
  login: '登录',
  logout: '退出登录',
  checks: '排查记录',
  transitions: '流转',
  corrections: '更正',
  close: '办结',
  content: '文件内容',
  thumbnail: '缩略图',
  owners: '可选的责任人',
  file: '文件',
  verify: '校验结果',
  summaries: '已保存的草稿',
};

/** Collections that are one thing, not a list: GET reads it. */
const SINGLETONS = new Set(['health', 'me', 'dashboard']);

/** A summary from the method and path, e.g. 修改舆情 for PATCH /api/risk-alerts/:id. */
export function summaryFor(method: string, url: string, noun?: string): string {
  const segments = url
    .replace(/^\/api\/?/, '')
    .split('/')
    .filter(Boolean);
  const name = noun ?? NOUNS[segments[0] ?? ''] ?? segments[0] ?? 'API';
  const rest = segments.slice(1);
  const onRecord = rest[0]?.startsWith(':') ?? false;
  const tail = rest.filter((s) => !s.startsWith(':')).join('/');
  if (tail) {
    const action = tail
      .split('/')
      .map((s) => ACTIONS[s] ?? s)
      .join('/');
    return method === 'GET' ? `查看${name}的${action}` : `${name}：${action}`;
  }
  switch (method) {
    case 'GET':
      return onRecord ? `查看一条${name}` : SINGLETONS.has(segments[0] ?? '') ? `查看${name}` : `列出${name}`;
    case 'POST':
      return `新建${name}`;
    case 'PUT':
      return `设置${name}`;
    case 'PATCH':
      return `修改${name}`;
    case 'DELETE':
      return `删除${name}`;
    default:
      return `${method} ${name}`;
  }
}

/**
 * Completes a route's declaration as it is added: an operationId and a summary when it has none,
 * and the error answers its traits imply. Called from an onRoute hook in app.ts.
 */
export function describeRoute(route: RouteOptions): void {
  const method = (Array.isArray(route.method) ? route.method[0] : route.method) ?? 'GET';
  if (method === 'HEAD' || !route.url.startsWith('/api/')) return;
  route.schema ??= {};
  const schema = route.schema as NonNullable<RouteOptions['schema']> & {
    operationId?: string;
    summary?: string;
    response?: Record<string | number, unknown>;
  };
  schema.operationId ??= operationIdFor(method, route.url);
  schema.summary ??= summaryFor(method, route.url);
  if (!schema.response) return;
  const throttled = route.config?.throttled;
  for (const status of traitStatuses({ method, headers: headerNames(schema.headers), throttled })) {
    schema.response[status] ??= ErrorBodySchema;
  }
}
