/** The hand-written reasons of 风控 (risk/rules.ts, lists.ts, decisions.ts), worded for the person at the form (fields.ts). */
export const RISK_REASONS: [RegExp, (f: string, m: RegExpMatchArray) => readonly [string, string]][] = [
  [/^required for a limit rule$/, (f) => [`频控规则必须填写「${f}」`, `a limit rule needs ${f}`]],
  [/^required for a signal rule$/, (f) => [`行为信号规则必须填写「${f}」`, `a signal rule needs ${f}`]],
  [/^a signal rule names its signal, not a subject$/, (f) => [`行为信号规则不填写「${f}」，请选择信号`, `a signal rule takes a signal, not ${f}`]],
  [/^only a signal rule has a signal$/, (f) => [`只有行为信号规则才有「${f}」`, `only a signal rule has ${f}`]],
  [/^only a limit rule counts failures$/, (f) => [`只有频控规则可以设置「${f}」为只计失败`, `only a limit rule counts failures (${f})`]],
  [/^must be in the future$/, (f) => [`「${f}」必须晚于现在`, `${f} must be in the future`]],
  [/^before from$/, (f) => [`「${f}」不能早于开始时间`, `${f} must not be before the start`]],
  // the dry run and the dashboard (risk/dry-run.ts, insight.ts)
  [/^must be before to$/, (f) => [`「${f}」必须早于结束时间`, `${f} must be before the end`]],
  [/^must not be after to$/, (f) => [`「${f}」不能晚于结束日期`, `${f} must not be after the end`]],
  [/^a dry run covers at most (\d+) days$/, (f, m) => [`试运行最多看 ${m[1]} 天（「${f}」）`, `a dry run covers at most ${m[1]} days (${f})`]],
  [/^a dashboard covers at most (\d+) days$/, (f, m) => [`看板最多看 ${m[1]} 天（「${f}」）`, `the dashboard covers at most ${m[1]} days (${f})`]],
  [
    /^a dry run evaluates limits and the device_members signal/,
    (f) => [`试运行只能评估频控和“同一设备多个会员”；更换手机号不在动作记录里（「${f}」）`, `a dry run evaluates limits and the device signal only (${f})`],
  ],
  [
    /^the action log does not say which actions failed/,
    (f) => [`动作记录不区分成败，只计失败的规则不能试运行（「${f}」）`, `the action log has no failures: a rule counting failures cannot be dry run (${f})`],
  ],
  [/^unknown subject "(.*)"$/, (f, m) => [`「${f}」：不认识的对象「${m[1]}」`, `${f}: unknown subject “${m[1]}”`]],
  [/^unknown unit "(.*)"$/, (f, m) => [`「${f}」：不认识的时间单位「${m[1]}」`, `${f}: unknown unit “${m[1]}”`]],
  [/^give a rule or a rule_id, one of them$/, () => ['请给出规则内容或规则编号（二选一）', 'give a rule or a rule id, one of them']],
  [/^a local date, YYYY-MM-DD$/, (f) => [`「${f}」请填写日期，格式 YYYY-MM-DD`, `${f}: a date, YYYY-MM-DD`]],
  // phone wallets 卡包 (passes/settings.ts)
  [/^not a PEM private key/, (f) => [`「${f}」不是 PEM 格式的私钥（或密码打不开它）`, `${f} is not a PEM private key (or the passphrase does not open it)`]],
  [/^not a PEM certificate$/, (f) => [`「${f}」不是 PEM 格式的证书`, `${f} is not a PEM certificate`]],
  [/^is not the key of certificate_pem$/, (f) => [`「${f}」不是这张证书的私钥`, `${f} is not the certificate’s key`]],
  [/^expired on (\S+)$/, (f, m) => [`「${f}」已于 ${m[1]} 过期，请上传有效的证书`, `${f} expired on ${m[1]}`]],
  [/^is not valid yet$/, (f) => [`「${f}」尚未生效`, `${f} is not valid yet`]],
  [/^not a PKCS #12 file/, (f) => [`「${f}」不是 .p12（PKCS #12）证书文件`, `${f} is not a PKCS #12 (.p12) file`]],
  [/^does not open the \.p12/, (f) => [`「${f}」不对，打不开这个 .p12 文件`, `${f} is wrong: it does not open the .p12`]],
  [
    /^has no private key$/,
    (f) => [`「${f}」里没有私钥：从钥匙串导出时请同时选中证书和它的私钥`, `${f} has no private key: export the certificate together with its key`],
  ],
  [/^has no certificate for its key$/, (f) => [`「${f}」里没有与私钥配对的证书`, `${f} has no certificate for its key`]],
  [/^give the \.p12 or the PEM/, () => ['请上传 .p12 文件，或粘贴 PEM 证书和私钥（二选一）', 'give the .p12 or the PEM certificate and key, one of them']],
];
