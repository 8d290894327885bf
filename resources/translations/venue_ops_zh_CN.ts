<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CLI</name>
    <message>
        <source>Demo exam package written: {path}</source>
        <translation>演示考务数据包已写入：{path}</translation>
    </message>
    <message>
        <source>Database is at revision {rev}.</source>
        <translation>数据库结构版本：{rev}。</translation>
    </message>
    <message>
        <source>Backup written: {path}</source>
        <translation>备份已写入：{path}</translation>
    </message>
    <message>
        <source>This package (revision {rev}) is already imported; nothing changed.</source>
        <translation>此数据包（第 {rev} 版）已导入过，未做任何更改。</translation>
    </message>
    <message>
        <source>Imported revision {rev}: {candidates} candidates, {rooms} rooms, {staff} staff.</source>
        <translation>已导入第 {rev} 版：{candidates} 名考生，{rooms} 个考场，{staff} 名工作人员。</translation>
    </message>
    <message>
        <source>Audit trail intact: {n} events.</source>
        <translation>审计日志完整：共 {n} 条。</translation>
    </message>
    <message>
        <source>Audit trail BROKEN at event {seq}: {problem}</source>
        <translation>审计日志在第 {seq} 条处断链：{problem}</translation>
    </message>
    <message>
        <source>New credential: </source>
        <translation>新口令：</translation>
    </message>
    <message>
        <source>Chief examiner {number} can now sign in.</source>
        <translation>主考 {number} 现在可以登录。</translation>
    </message>
    <message>
        <source>Database restored from {path}.</source>
        <translation>已从 {path} 恢复数据库。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>A credential may have at most {max_length} characters.</source>
        <translation>口令最多 {max_length} 个字符。</translation>
    </message>
    <message>
        <source>A credential must have at least {min_length} characters.</source>
        <translation>口令至少需要 {min_length} 个字符。</translation>
    </message>
    <message>
        <source>A second, different staff member must confirm this: {action}.</source>
        <translation>此操作须由另一名工作人员确认：{action}。</translation>
    </message>
    <message>
        <source>A staff member with the role {role} may not confirm this: {action}.</source>
        <translation>角色为{role}的工作人员无权确认此操作：{action}。</translation>
    </message>
    <message>
        <source>Candidate {ticket} is seated more than once in sitting {sitting}.</source>
        <translation>考生 {ticket} 在场次 {sitting} 中被安排了多个座位。</translation>
    </message>
    <message>
        <source>Candidate {ticket}: the {document_type} number {masked} is not valid ({problem}).</source>
        <translation>考生 {ticket}：{document_type}号码 {masked} 无效（{problem}）。</translation>
    </message>
    <message>
        <source>Change your own credential with your current credential.</source>
        <translation>修改本人口令须输入当前口令。</translation>
    </message>
    <message>
        <source>Give the reason for this change (art. 43).</source>
        <translation>请填写变更原因（规程第四十三条）。</translation>
    </message>
    <message>
        <source>No chief examiner is enrolled in this database.</source>
        <translation>本数据库中尚无主考账号。</translation>
    </message>
    <message>
        <source>No secure keyring is available on this computer ({backend}), so the venue's data keys cannot be stored safely. Use a desktop session with a keyring (Windows Credential Locker, GNOME Keyring, KWallet), or let the administrator choose a plaintext key file explicitly.</source>
        <translation>本机没有可用的安全密钥环（{backend}），无法安全保存考点数据密钥。请在带密钥环的桌面环境中运行（Windows 凭据管理器、GNOME Keyring、KWallet），或由系统管理员明确选择使用明文密钥文件。</translation>
    </message>
    <message>
        <source>No staff member {staff} in this venue's roster.</source>
        <translation>本考点工作人员名册中没有 {staff}。</translation>
    </message>
    <message>
        <source>Only an SQLite database is restored here; restore PostgreSQL with pg_restore.</source>
        <translation>此处只能恢复 SQLite 数据库；PostgreSQL 请使用 pg_restore 恢复。</translation>
    </message>
    <message>
        <source>Revision {revision} was already imported with different content.</source>
        <translation>第 {revision} 版已导入过，且内容不同。</translation>
    </message>
    <message>
        <source>Room {room} ({kind}) cannot host sitting {sitting} ({mode}).</source>
        <translation>考场 {room}（{kind}）不能承担场次 {sitting}（{mode}）。</translation>
    </message>
    <message>
        <source>Setting {key} in {source} must be {expected}, not {value!r}.</source>
        <translation>{source} 中的设置项 {key} 应为 {expected}，而不是 {value!r}。</translation>
    </message>
    <message>
        <source>Sitting {sitting}, room {room}, seat {seat} is given to more than one candidate: {tickets}.</source>
        <translation>场次 {sitting} 第 {room} 考场 {seat} 号座位分配给了多名考生：{tickets}。</translation>
    </message>
    <message>
        <source>Staff member {staff} is not a chief examiner in the roster.</source>
        <translation>名册中 {staff} 不是主考。</translation>
    </message>
    <message>
        <source>Staff member {staff} is not in the roster; give a name and the venue to enrol them.</source>
        <translation>名册中没有 {staff}；登记时须提供姓名和考点。</translation>
    </message>
    <message>
        <source>Stored personal data ({context}) cannot be decrypted with this venue's key.</source>
        <translation>无法用本考点密钥解密已存储的个人信息（{context}）。</translation>
    </message>
    <message>
        <source>The backup {path} fails SQLite's integrity check.</source>
        <translation>备份 {path} 未通过 SQLite 完整性检查。</translation>
    </message>
    <message>
        <source>The data keys in this computer's keyring (entry {entry}, fingerprint {found}) are not the keys this database was encrypted with (fingerprint {expected}).</source>
        <translation>本机密钥环中的数据密钥（条目 {entry}，指纹 {found}）不是加密本数据库所用的密钥（指纹 {expected}）。</translation>
    </message>
    <message>
        <source>The database cannot be opened or reached: {detail}</source>
        <translation>无法打开或连接数据库：{detail}</translation>
    </message>
    <message>
        <source>The key file {path} can be read by other users; it must have permissions 0600.</source>
        <translation>密钥文件 {path} 可被其他用户读取；其权限必须为 0600。</translation>
    </message>
    <message>
        <source>The keyring refused to read or store the data keys ({entry}): {problem}</source>
        <translation>密钥环拒绝读取或保存数据密钥（{entry}）：{problem}</translation>
    </message>
    <message>
        <source>The manifest says {field} is {manifest} but data.json says {data}.</source>
        <translation>清单中 {field} 为 {manifest}，但 data.json 中为 {data}。</translation>
    </message>
    <message>
        <source>The package could not be applied to this database ({detail}); nothing was changed.</source>
        <translation>考务数据包无法应用到本数据库（{detail}）；未做任何更改。</translation>
    </message>
    <message>
        <source>The package file is damaged or not an exam package ({detail}) {member}</source>
        <translation>数据包文件已损坏或不是考务数据包（{detail}）{member}</translation>
    </message>
    <message>
        <source>The package file is {size} bytes; at most {limit} are accepted.</source>
        <translation>数据包文件大小为 {size} 字节，最多只接受 {limit} 字节。</translation>
    </message>
    <message>
        <source>The package holds a file it may not hold: {member} ({reason}).</source>
        <translation>数据包中含有不允许的文件：{member}（{reason}）。</translation>
    </message>
    <message>
        <source>The package is signed with key {key_id}, which this venue does not trust.</source>
        <translation>数据包的签名密钥 {key_id} 不在本考点信任列表中。</translation>
    </message>
    <message>
        <source>The package lacks the file {member}.</source>
        <translation>数据包缺少文件 {member}。</translation>
    </message>
    <message>
        <source>The package's signature does not verify with key {key_id}: it was altered after signing or not signed by the province.</source>
        <translation>数据包签名无法用密钥 {key_id} 验证：签名后被改动过，或并非由省级考试机构签发。</translation>
    </message>
    <message>
        <source>The settings file {path} cannot be read: {detail}</source>
        <translation>无法读取设置文件 {path}：{detail}</translation>
    </message>
    <message>
        <source>The settings file {path} is not a JSON object.</source>
        <translation>设置文件 {path} 不是 JSON 对象。</translation>
    </message>
    <message>
        <source>The staff number or the credential is not correct.</source>
        <translation>工号或口令不正确。</translation>
    </message>
    <message>
        <source>The {field} of {member} does not match the signed manifest.</source>
        <translation>{member} 的 {field} 与签名清单不一致。</translation>
    </message>
    <message>
        <source>There is no screen called {screen}.</source>
        <translation>没有名为 {screen} 的界面。</translation>
    </message>
    <message>
        <source>This account is locked after repeated failed attempts; try again in {minutes} min.</source>
        <translation>多次输入错误，账号已锁定；请 {minutes} 分钟后再试。</translation>
    </message>
    <message>
        <source>This database holds encrypted personal data, but this computer has no data keys for it (keyring entry {entry}, fingerprint {fingerprint}). Install the venue's keys from the key backup; new keys are not made because they could not read the existing data.</source>
        <translation>本数据库存有加密的个人信息，但本机没有对应的数据密钥（密钥环条目 {entry}，指纹 {fingerprint}）。请从密钥备份安装本考点密钥；系统不会新建密钥，因为新密钥无法读取已有数据。</translation>
    </message>
    <message>
        <source>This desk is locked; unlock it with your credential.</source>
        <translation>本终端已锁定，请输入口令解锁。</translation>
    </message>
    <message>
        <source>This is not a venue data-key text.</source>
        <translation>这不是考点数据密钥文本。</translation>
    </message>
    <message>
        <source>This package is for exam {package_exam}, but this database holds exam {exam}.</source>
        <translation>此数据包属于考试 {package_exam}，但本数据库中是考试 {exam}。</translation>
    </message>
    <message>
        <source>This package is for venue {package_venue}, but this is venue {venue}.</source>
        <translation>此数据包属于考点 {package_venue}，而本考点是 {venue}。</translation>
    </message>
    <message>
        <source>This package is revision {revision}; revision {current} is already imported.</source>
        <translation>此数据包为第 {revision} 版，本考点已导入第 {current} 版。</translation>
    </message>
    <message>
        <source>This staff account is deactivated; ask the chief examiner.</source>
        <translation>此工作人员账号已停用，请联系主考。</translation>
    </message>
    <message>
        <source>This venue already has a staff member who manages accounts; ask them.</source>
        <translation>本考点已有负责账号管理的工作人员，请联系其办理。</translation>
    </message>
    <message>
        <source>Ticket number {ticket} does not match the exam's pattern {pattern}.</source>
        <translation>准考证号 {ticket} 不符合本考试的格式 {pattern}。</translation>
    </message>
    <message>
        <source>Unknown setting {key} in {source}.</source>
        <translation>{source} 中有未知设置项 {key}。</translation>
    </message>
    <message>
        <source>You cannot deactivate your own account.</source>
        <translation>不能停用自己的账号。</translation>
    </message>
    <message>
        <source>Your role ({role}) may not do this: {action}.</source>
        <translation>您的角色（{role}）无权执行此操作：{action}。</translation>
    </message>
    <message>
        <source>pg_dump failed: {detail}</source>
        <translation>pg_dump 执行失败：{detail}</translation>
    </message>
    <message>
        <source>pg_dump was not found on this computer's PATH.</source>
        <translation>本机 PATH 中找不到 pg_dump。</translation>
    </message>
    <message>
        <source>{member} is in the package but not in its signed manifest.</source>
        <translation>{member} 在数据包中，但不在签名清单中。</translation>
    </message>
    <message>
        <source>{member} is not valid UTF-8 JSON (line {line}).</source>
        <translation>{member} 不是有效的 UTF-8 JSON（第 {line} 行）。</translation>
    </message>
    <message>
        <source>{member} is {size} bytes; at most {limit} are accepted.</source>
        <translation>{member} 大小为 {size} 字节，最多只接受 {limit} 字节。</translation>
    </message>
    <message>
        <source>{member}: {path} breaks the rule '{rule}' ({expected}) in {record}.</source>
        <translation>{member}：{record} 中的 {path} 不符合规则“{rule}”（{expected}）。</translation>
    </message>
    <message>
        <source>{record} refers to {what} {key}, which the package does not hold.</source>
        <translation>{record} 引用了{what} {key}，但数据包中没有该项。</translation>
    </message>
    <message>
        <source>{record}: {field} is not acceptable ({problem}).</source>
        <translation>{record}：{field} 不可接受（{problem}）。</translation>
    </message>
    <message>
        <source>Something went wrong that the program did not expect. The technician's log has the details.</source>
        <translation>程序遇到意外错误。详细信息已记入技术日志。</translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <source>Locked after a period without use. Enter your credential to continue.</source>
        <translation>长时间未操作，已自动锁定。请输入口令继续。</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>Venue Ops</source>
        <translation>考点考务</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>e.g. S0001</source>
        <translation>例如 S0001</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Enter your staff number.</source>
        <translation>请输入工号。</translation>
    </message>
    <message>
        <source>Enter your credential.</source>
        <translation>请输入口令。</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Venue Ops</source>
        <translation>考点考务</translation>
    </message>
</context>
<context>
    <name>Modes</name>
    <message>
        <source>Paper</source>
        <translation>纸笔考试</translation>
    </message>
    <message>
        <source>Computer-based</source>
        <translation>电子化考试</translation>
    </message>
    <message>
        <source>Audio/video</source>
        <translation>语音视频类考试</translation>
    </message>
</context>
<context>
    <name>NotYetAvailable</name>
    <message>
        <source>This screen is not available in this version yet.</source>
        <translation>本版本尚未提供此功能。</translation>
    </message>
</context>
<context>
    <name>OverviewScreen</name>
    <message>
        <source>Exam overview</source>
        <translation>考试概况</translation>
    </message>
    <message>
        <source>Sitting</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>科目</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>考试形式</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Entry closes</source>
        <translation>入场截止</translation>
    </message>
    <message>
        <source>Sealed until</source>
        <translation>封闭至</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>考生数</translation>
    </message>
    <message>
        <source>No exam package has been imported yet.</source>
        <translation>尚未导入考务数据包。</translation>
    </message>
    <message>
        <source>{exam} · {venue} · package revision {rev} · {rooms} rooms · {candidates} candidates · {staff} staff</source>
        <translation>{exam} · {venue} · 数据包第 {rev} 版 · {rooms} 个考场 · {candidates} 名考生 · {staff} 名工作人员</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Chief examiner</source>
        <translation>主考</translation>
    </message>
    <message>
        <source>Deputy chief examiner</source>
        <translation>副主考</translation>
    </message>
    <message>
        <source>Invigilator</source>
        <translation>监考员</translation>
    </message>
    <message>
        <source>Roving invigilator</source>
        <translation>流动监考员</translation>
    </message>
    <message>
        <source>System administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <source>Security staff</source>
        <translation>保密室值守</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <source>Exam overview</source>
        <translation>考试概况</translation>
    </message>
    <message>
        <source>Check-in desk</source>
        <translation>入场检录</translation>
    </message>
    <message>
        <source>Control room</source>
        <translation>考务指挥</translation>
    </message>
    <message>
        <source>Timer view</source>
        <translation>计时屏</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>异常记录</translation>
    </message>
    <message>
        <source>Paper custody</source>
        <translation>试卷流转</translation>
    </message>
    <message>
        <source>Secure paper room</source>
        <translation>保密室</translation>
    </message>
    <message>
        <source>Provincial sync</source>
        <translation>数据上报</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
</context>
</TS>