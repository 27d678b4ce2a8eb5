import type { EntryDef } from './words.js';

/** Templates, batches, stores, webhooks and the ledger: read by the operator in the console. */
export const CATALOG = {
  TEMPLATE_INVALID: {
    status: 422,
    zh: '模板设置有误[：{errors?:errors}]。请修改后再保存。',
    en: 'The template does not work as set[: {errors?:errors}]. Change it and save again.',
    note: 'a combination of kind, value, validity and rules that cannot work; `errors[0].field` says which',
  },
  TEMPLATE_IN_USE: {
    status: 409,
    zh: '这个模板已经有批次在用，券面和有效期不能再改。请新建一个模板。',
    en: 'Batches use this template: its value and validity are fixed. Create a new template.',
  },
  TEMPLATE_ARCHIVED: {
    status: 409,
    zh: '这个模板已归档，不能再用它发券或建批次。',
    en: 'This template is archived: nothing more is issued from it.',
  },
  TEMPLATE_NOT_FOUND: { status: 404, zh: '没有找到这个模板。', en: 'No such template.' },
  BATCH_INVALID: {
    status: 422,
    zh: '批次设置有误[：{errors?:errors}]。',
    en: 'The batch does not work as set[: {errors?:errors}].',
    note: 'code format below 80 bits, quantity or stock on the wrong mode',
  },
  BATCH_MODE_INVALID: {
    status: [409, 422],
    zh: '批次的生成方式不对：第三方卡密要用「导入券码」批次，也只有这种批次能导入券码[（这个批次是{mode?:batch_mode}）]。',
    en: 'Wrong batch mode: third-party codes need an imported batch, and only imported batches take imports[ (this one is {mode?:batch_mode})].',
  },
  NOTHING_TO_EXPORT: {
    status: 409,
    zh: '没有可以导出的券码：这个批次的券码都已导出或发放。需要之前导出的文件，请在导出记录里重新下载。',
    en: 'There is no code left to export: every code of this batch is exported or issued. Download an earlier file again from the export history.',
    note: 'an export would write no code (a re-export: none is out yet)',
  },
  EXPORT_NOT_FOUND: { status: 404, zh: '没有找到这次导出记录。', en: 'No such export of this batch.' },
  EXPORT_EMPTY: { status: 409, zh: '这次导出没有写出券码，没有文件可以下载。', en: 'This export wrote no code; there is no file to download.' },
  EXPORT_EXPIRED: {
    status: 410,
    zh: '这次导出的文件已过了可重新下载的时限[（{refetch_until?:time} 截止）]，请重新导出。',
    en: 'This export’s file can no longer be downloaded again[ (its window ended at {refetch_until?:time})]: export again.',
  },
  BATCH_NOT_FOUND: { status: 404, zh: '没有找到这个批次。', en: 'No such batch.' },
  BATCH_FAILED: {
    status: 409,
    zh: '这个批次生成失败，不能发券。请新建一个批次。',
    en: 'This batch failed to generate; nothing is issued from it. Create a new batch.',
  },
  BATCH_NOT_GENERATING: {
    status: 409,
    zh: '这个批次[{batch_status:batch_status}，]不在生成中，不能暂停。',
    en: 'Only a generating batch can be paused[; this one is {batch_status:batch_status}].',
  },
  BATCH_NOT_PAUSED: {
    status: 409,
    zh: '这个批次[{batch_status:batch_status}，]没有暂停，不用继续。',
    en: 'Only a paused batch can be resumed[; this one is {batch_status:batch_status}].',
  },
  STORE_NOT_FOUND: {
    status: 404,
    zh: '没有找到这家门店，或你的账号不能在这家门店操作。',
    en: 'No such store, or your account does not serve it.',
  },
  STORE_CODE_TAKEN: {
    status: 409,
    zh: '门店编码[「{store_code:text}」]已经有门店在用了。',
    en: 'Another store already has the code[ "{store_code:text}"].',
  },
  WEBHOOK_ENDPOINT_NOT_FOUND: { status: 404, zh: '没有找到这个推送地址。', en: 'No such webhook endpoint.' },
  WEBHOOK_DELIVERY_NOT_FOUND: { status: 404, zh: '没有找到这条推送记录。', en: 'No such webhook delivery.' },
  WEBHOOK_ENDPOINT_LIMIT: {
    status: 409,
    zh: '推送地址已达上限[（最多 {max:int} 个）]。请先删除不用的地址。',
    en: 'Too many webhook endpoints[ (at most {max:int})]: delete one you no longer use.',
  },
  WEBHOOK_ENDPOINT_INACTIVE: {
    status: 409,
    zh: '这个推送地址已停用，请先启用再测试或重发。',
    en: 'This webhook endpoint is inactive: activate it first.',
  },
  ACCOUNT_NOT_FOUND: { status: 404, zh: '没有找到这个账户。', en: 'No such ledger account.' },
  ASSET_MISMATCH: { status: 422, zh: '两个账户记的不是同一种资产。', en: 'The accounts hold different assets.' },
  TRANSFER_NOT_FOUND: { status: 404, zh: '没有找到这笔流水。', en: 'No such transfer.' },
  TRANSFER_ALREADY_REVERSED: { status: 409, zh: '这笔流水已经冲正过了。', en: 'This transfer was already reversed.' },
  TRANSFER_IS_REVERSAL: { status: 409, zh: '冲正流水不能再冲正，请另做一笔。', en: 'A reversal is not reversed: make a new transfer.' },
  ACCOUNT_BOUND_EXCEEDED: {
    status: 409,
    zh: '这笔变动会让账户超出上下限，已拒绝。',
    en: 'This would take an account past its bounds.',
    also: ['accounts?'],
  },
} as const satisfies Record<string, EntryDef>;

/** The HTTP layer's own problems: bad input, unknown routes, idempotency, our own faults. */
export const PLATFORM = {
  VALIDATION_FAILED: {
    status: [400, 422],
    zh: '填写的内容有误[：{errors?:errors}]。请改正后再试。',
    en: 'Some input is not right[: {errors?:errors}]. Correct it and try again.',
    note: 'a field is missing, of the wrong type, unknown (422) or out of range; `errors` names each as `{ field, reason, rule?, limit?, allowed?, expected? }`',
  },
  MALFORMED_JSON: { status: 400, zh: '提交的内容格式不对（不是有效的 JSON）。', en: 'The body is not valid JSON.' },
  BAD_REQUEST: { status: 400, zh: '请求有误，无法处理。', en: 'The request could not be understood.' },
  CTP_BODY_TOO_LARGE: { status: 413, zh: '提交的内容太大，请拆分后再试。', en: 'The body is too large: split it.' },
  CTP_INVALID_MEDIA_TYPE: { status: 415, zh: '提交的内容类型不受支持。', en: 'The body’s content type is not supported here.' },
  CTP_INVALID_CONTENT_LENGTH: { status: 400, zh: '提交的内容不完整，请重试。', en: 'The body does not match its Content-Length: retry.' },
  ROUTE_NOT_FOUND: { status: 404, zh: '服务器没有这个功能，可能版本较旧。', en: 'The server has no such route; it may be an older version.' },
  INVALID_CURSOR: {
    status: 400,
    zh: '列表的翻页位置已失效，请回到第一页重新查询。',
    en: 'This list’s page position no longer works: start again from the first page.',
    note: '`cursor` is not one this API gave out, or was made for another `sort`',
  },
  IDEMPOTENCY_IN_PROGRESS: {
    status: 409,
    zh: '同一个请求还在处理中。请稍等几秒再看结果，不要重复提交。',
    en: 'The same request is still being processed: wait a few seconds for its result rather than sending it again.',
    note: 'a request with this Idempotency-Key is still running; retry shortly for its answer',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 409,
    zh: '这个请求编号已用于另一笔不同的请求。',
    en: 'This request number (Idempotency-Key) was used for a different request.',
  },
  INTERNAL: {
    status: 500,
    zh: '服务器出了点问题，已经记录下来。请稍后再试，仍不行请联系管理员。',
    en: 'Something went wrong on our side; it has been logged. Try again later, or tell an administrator.',
  },
  WEB_APP_NOT_BUILT: { status: 503, zh: '网页还没有构建好，请联系管理员。', en: 'The web app is not built; tell an administrator.' },
  NETWORK: {
    status: 0,
    zh: '网络连接失败，请检查网络后重试。',
    en: 'The network is unreachable: check the connection and retry.',
    client: true,
  },
} as const satisfies Record<string, EntryDef>;
