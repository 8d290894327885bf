<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Alerts</name>
    <message>
        <source>REPORT NOW · room {room} · {category} · not reported for {since}</source>
        <translation>立即上报 · {room}考场 · {category} · 已 {since} 未上报</translation>
    </message>
    <message>
        <source>Room {room}: pre-exam checklist not signed off</source>
        <translation>{room}考场：考前检查未签认</translation>
    </message>
    <message>
        <source>Room {room}: checklist done, room not opened yet</source>
        <translation>{room}考场：已检查，尚未开启</translation>
    </message>
    <message>
        <source>Room {room}: {count} invigilators assigned, at least 2 needed</source>
        <translation>{room}考场：监考 {count} 人，至少需要 2 人</translation>
    </message>
    <message>
        <source>Room {room}: {count} incidents waiting for confirmation</source>
        <translation>{room}考场：{count} 起事件待确认</translation>
    </message>
    <message>
        <source>The computer's clock was changed by {seconds} s; timers kept their time</source>
        <translation>电脑时钟被调整了 {seconds} 秒；计时未受影响</translation>
    </message>
</context>
<context>
    <name>Attendance</name>
    <message>
        <source>Present</source>
        <translation>已到</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>缺考</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>未到</translation>
    </message>
    <message>
        <source>Attendance sheet</source>
        <translation>考场签到表</translation>
    </message>
    <message>
        <source>{label}: {value}</source>
        <translation>{label}：{value}</translation>
    </message>
    <message>
        <source>Exam</source>
        <translation>考试</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>考点</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>科目</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>考场</translation>
    </message>
    <message>
        <source>Expected {e} · present {p} · absent {a}</source>
        <translation>应到 {e} · 实到 {p} · 缺考 {a}</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>座位</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>准考证号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Admitted at</source>
        <translation>入场时间</translation>
    </message>
    <message>
        <source>Candidate's signature</source>
        <translation>考生签名</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>confirmed by {name}</source>
        <translation>{name} 确认</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>检录点</translation>
    </message>
    <message>
        <source>Invigilator 1 (signature)</source>
        <translation>监考员一（签名）</translation>
    </message>
    <message>
        <source>Invigilator 2 (signature)</source>
        <translation>监考员二（签名）</translation>
    </message>
    <message>
        <source>Date: ____________ Time: ________</source>
        <translation>日期：______年____月____日　时间：____时____分</translation>
    </message>
    <message>
        <source>Refused entries</source>
        <translation>拒绝入场记录</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>AttendanceDialog</name>
    <message>
        <source>Attendance sheet</source>
        <translation>考场签到表</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>座位</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>准考证号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Admitted at</source>
        <translation>入场时间</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>检录点</translation>
    </message>
    <message>
        <source>Save as PDF for printing</source>
        <translation>保存为 PDF 以便打印</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{room} · {subject} · expected {e}, present {p}, absent {a}, not yet {n}</source>
        <translation>{room} · {subject} · 应到 {e}，实到 {p}，缺考 {a}，未到 {n}</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>已保存：{path}</translation>
    </message>
</context>
<context>
    <name>AuditActions</name>
    <message>
        <source>Check-in</source>
        <translation>入场检录</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>异常记录</translation>
    </message>
    <message>
        <source>Paper custody</source>
        <translation>试卷交接</translation>
    </message>
    <message>
        <source>Secure paper room</source>
        <translation>保密室</translation>
    </message>
    <message>
        <source>Exam rooms</source>
        <translation>考场</translation>
    </message>
    <message>
        <source>Room records</source>
        <translation>考场记录</translation>
    </message>
    <message>
        <source>Invigilator assignment</source>
        <translation>监考分配</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Exam packages</source>
        <translation>考务数据包</translation>
    </message>
    <message>
        <source>Provincial sync</source>
        <translation>省级同步</translation>
    </message>
    <message>
        <source>Records queued for the province</source>
        <translation>待上报记录</translation>
    </message>
    <message>
        <source>Database and backups</source>
        <translation>数据库与备份</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Venue set-up</source>
        <translation>考点设置</translation>
    </message>
    <message>
        <source>Venue clock</source>
        <translation>考点时钟</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Demonstration</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>No event with this number in the trail: removed, or never written.</source>
        <translation>日志中没有此序号的事件：已被删除，或从未写入。</translation>
    </message>
</context>
<context>
    <name>AuditTrailScreen</name>
    <message>
        <source>{n} events match.</source>
        <translation>符合条件的事件 {n} 条。</translation>
    </message>
    <message>
        <source>Events {first} to {last} of the trail.</source>
        <translation>审计日志第 {first} 至第 {last} 条事件。</translation>
    </message>
    <message>
        <source>The audit trail is empty.</source>
        <translation>审计日志中还没有事件。</translation>
    </message>
    <message>
        <source>Verifying the chain…{share} ({n} events checked)</source>
        <translation>正在核验哈希链…{share}（已核验 {n} 条）</translation>
    </message>
    <message>
        <source>The chain holds: {n} events, {k} signed checkpoints, up to event {last}.</source>
        <translation>哈希链完整：共 {n} 条事件，{k} 个签名检查点，签名至第 {last} 条。</translation>
    </message>
    <message>
        <source>THE CHAIN IS BROKEN: {problem}</source>
        <translation>哈希链已被破坏：{problem}</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>{n} events exported to {path}.</source>
        <translation>已导出 {n} 条事件至 {path}。</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>the whole trail</source>
        <translation>全部日志</translation>
    </message>
    <message>
        <source>Filter: {what} · {n} events</source>
        <translation>筛选条件：{what} · 共 {n} 条事件</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>止</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>name of who acted or confirmed</source>
        <translation>操作人或确认人姓名</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>type or id</source>
        <translation>类型或编号</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Enter Apply filter</source>
        <translation>Enter 查询</translation>
    </message>
    <message>
        <source>Ctrl+End Newest</source>
        <translation>Ctrl+End 最新</translation>
    </message>
    <message>
        <source>F6 Verify the chain</source>
        <translation>F6 核验哈希链</translation>
    </message>
    <message>
        <source>F7 Export CSV</source>
        <translation>F7 导出 CSV</translation>
    </message>
    <message>
        <source>F8 Export PDF</source>
        <translation>F8 导出 PDF</translation>
    </message>
    <message>
        <source>The chain has not been verified on this screen yet (F6).</source>
        <translation>本屏尚未核验哈希链（按 F6）。</translation>
    </message>
</context>
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
    <message>
        <source>Your staff number: </source>
        <translation>您的工号：</translation>
    </message>
    <message>
        <source>Your credential: </source>
        <translation>您的口令：</translation>
    </message>
    <message>
        <source>Staff member {number} has a new credential.</source>
        <translation>工作人员 {number} 的口令已更新。</translation>
    </message>
    <message>
        <source>Credential of staff member {number} set; they must set their own before confirming for others.</source>
        <translation>已设置工作人员 {number} 的口令；其本人须先设置自己的口令，才能为他人确认。</translation>
    </message>
    <message>
        <source>Staff account {number} is active again.</source>
        <translation>工作人员账号 {number} 已重新启用。</translation>
    </message>
    <message>
        <source>Staff account {number} is deactivated; its sessions have ended.</source>
        <translation>工作人员账号 {number} 已停用；其登录已全部失效。</translation>
    </message>
</context>
<context>
    <name>CameraTile</name>
    <message>
        <source>No camera</source>
        <translation>无摄像头</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>录像中</translation>
    </message>
    <message>
        <source>Not recording</source>
        <translation>未录像</translation>
    </message>
    <message>
        <source>live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>连接中…</translation>
    </message>
    <message>
        <source>signal lost</source>
        <translation>信号中断</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
</context>
<context>
    <name>ChangeCredentialDialog</name>
    <message>
        <source>Change my credential</source>
        <translation>修改我的口令</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>Checkin</name>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Resident identity card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <source>Social security card</source>
        <translation>社会保障卡</translation>
    </message>
    <message>
        <source>Foreigner's permanent residence card</source>
        <translation>外国人永久居留身份证</translation>
    </message>
    <message>
        <source>Residence permit for Hong Kong, Macao and Taiwan residents</source>
        <translation>港澳台居民居住证</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <source>Driving licence</source>
        <translation>驾驶证</translation>
    </message>
    <message>
        <source>Other document</source>
        <translation>其他证件</translation>
    </message>
    <message>
        <source>Admit</source>
        <translation>允许入场</translation>
    </message>
    <message>
        <source>Refuse entry</source>
        <translation>拒绝入场</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>需核查</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>请继续</translation>
    </message>
    <message>
        <source>The photo decoder failed on this card's chip photo: compare the face with the registration photo</source>
        <translation>照片解码程序无法解码此证件的芯片照片：请将本人与报名照片比对</translation>
    </message>
    <message>
        <source>Not this room: go to room {room}, seat {seat}</source>
        <translation>非本考场：请到第{room}考场 {seat} 号座位</translation>
    </message>
    <message>
        <source>Already admitted at {time} by {staff} at {desk} (room {room})</source>
        <translation>已于 {time} 由 {staff} 在 {desk} 放行入场（第{room}考场）</translation>
    </message>
    <message>
        <source>The document does not belong to this ticket's candidate: possible impersonation. A draft incident has been opened.</source>
        <translation>证件与准考证不是同一考生：疑似替考。已自动建立异常记录草稿。</translation>
    </message>
    <message>
        <source>Entry has closed</source>
        <translation>入场已截止</translation>
    </message>
    <message>
        <source>Not a candidate of this sitting</source>
        <translation>非本场次考生</translation>
    </message>
    <message>
        <source>Not this room</source>
        <translation>非本考场</translation>
    </message>
    <message>
        <source>Unknown admission ticket</source>
        <translation>准考证号不存在</translation>
    </message>
    <message>
        <source>No registration carries this document</source>
        <translation>该证件无报名记录</translation>
    </message>
    <message>
        <source>Already admitted</source>
        <translation>已入场</translation>
    </message>
    <message>
        <source>The identity document has expired</source>
        <translation>身份证件已过期</translation>
    </message>
    <message>
        <source>This kind of document is not accepted for entry (art. 30)</source>
        <translation>此类证件不能作为入场证件（第三十条）</translation>
    </message>
    <message>
        <source>The province has withdrawn this registration</source>
        <translation>省级考试机构已撤销该考生报名</translation>
    </message>
    <message>
        <source>The names differ only in a rare character</source>
        <translation>姓名仅生僻字不同</translation>
    </message>
    <message>
        <source>The name on the card differs from the registration</source>
        <translation>证件姓名与报名信息不一致</translation>
    </message>
    <message>
        <source>The document number differs from the registration by one typing slip</source>
        <translation>证件号码与报名信息相差一处录入错误</translation>
    </message>
    <message>
        <source>Typed by hand</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <source>No admission ticket</source>
        <translation>未出示准考证</translation>
    </message>
    <message>
        <source>No identity document read</source>
        <translation>未读取身份证件</translation>
    </message>
    <message>
        <source>Place the identity card on the reader</source>
        <translation>请将身份证放在读卡器上</translation>
    </message>
    <message>
        <source>Scan the admission ticket</source>
        <translation>请扫描准考证</translation>
    </message>
    <message>
        <source>Ticket and identity document match</source>
        <translation>准考证与身份证件一致</translation>
    </message>
    <message>
        <source>Entry closed at {time}; late by {late}</source>
        <translation>已于 {time} 截止，迟到 {late}</translation>
    </message>
    <message>
        <source>Ticket {code} is not a ticket of this exam: check the number, or press F3 to find the candidate by name</source>
        <translation>准考证号 {code} 不是本次考试的准考证：请核对号码，或按 F3 按姓名查找</translation>
    </message>
    <message>
        <source>The identity document expired on {date}</source>
        <translation>身份证件已于 {date} 过期</translation>
    </message>
    <message>
        <source>Confirmed by {name}, the second invigilator</source>
        <translation>已由第二名监考员 {name} 核验确认</translation>
    </message>
    <message>
        <source>Enter: call a second invigilator to confirm the admission · Esc: leave the candidate out, next candidate</source>
        <translation>Enter：请第二名监考员核验确认后放行 · Esc：不放行，接待下一位</translation>
    </message>
    <message>
        <source>Late by {late}</source>
        <translation>迟到 {late}</translation>
    </message>
    <message>
        <source>Unknown ticket {code}</source>
        <translation>未知准考证 {code}</translation>
    </message>
</context>
<context>
    <name>CheckinScreen</name>
    <message>
        <source>Venue gate</source>
        <translation>考点大门</translation>
    </message>
    <message>
        <source>Room {room} door</source>
        <translation>第{room}考场门口</translation>
    </message>
    <message>
        <source>Desk locked</source>
        <translation>本机已锁定</translation>
    </message>
    <message>
        <source>Nothing is decided while the desk is locked. Scans and cards presented meanwhile ({n}) are kept and decided after the unlock, in the name of whoever unlocks.</source>
        <translation>锁定期间不作任何判定。其间的扫码和读卡（{n} 条）会保留，解锁后以解锁人的名义判定。</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未能记录</translation>
    </message>
    <message>
        <source>{problem} What was presented is kept: press Enter to try again.</source>
        <translation>{problem} 已出示的信息已保留：按 Enter 重试。</translation>
    </message>
</context>
<context>
    <name>ChecklistDialog</name>
    <message>
        <source>Pre-exam checklist · room {room}</source>
        <translation>考前检查 · 第{room}考场</translation>
    </message>
    <message>
        <source>Room inspected (no materials, seats numbered)</source>
        <translation>考场已检查（无资料，座号齐全）</translation>
    </message>
    <message>
        <source>Monitoring works</source>
        <translation>监控正常</translation>
    </message>
    <message>
        <source>Computer room seal-tested</source>
        <translation>机房已封闭测试</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>备注（可选）</translation>
    </message>
    <message>
        <source>Art. 20(三): every item must be checked before the room opens.</source>
        <translation>第二十条（三）：开启考场前须逐项检查。</translation>
    </message>
</context>
<context>
    <name>ChiefPage</name>
    <message>
        <source>First chief examiner</source>
        <translation>第一位主考</translation>
    </message>
    <message>
        <source>The chief examiner signs in with this credential and then manages every other account.</source>
        <translation>主考用此口令登录，再由主考管理其他所有账号。</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Credential again</source>
        <translation>再次输入口令</translation>
    </message>
</context>
<context>
    <name>ConfirmCheckDialog</name>
    <message>
        <source>Admit after a check</source>
        <translation>核查后放行</translation>
    </message>
    <message>
        <source>What you checked, e.g. the face matches the registration photo</source>
        <translation>核查了什么，例如：本人与报名照片一致</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <source>Second invigilator's staff number</source>
        <translation>第二名监考员工号</translation>
    </message>
    <message>
        <source>Their credential</source>
        <translation>其密码</translation>
    </message>
    <message>
        <source>Write down what you checked.</source>
        <translation>请填写核查内容。</translation>
    </message>
    <message>
        <source>The second invigilator enters their staff number and credential.</source>
        <translation>请第二名监考员输入本人工号和密码。</translation>
    </message>
</context>
<context>
    <name>ControlBar</name>
    <message>
        <source>D  Draw invigilators</source>
        <translation>D  抽取监考</translation>
    </message>
    <message>
        <source>A  Assignment PDF</source>
        <translation>A  监考安排</translation>
    </message>
    <message>
        <source>C  Sign checklist</source>
        <translation>C  考前检查</translation>
    </message>
    <message>
        <source>O  Open room</source>
        <translation>O  开启考场</translation>
    </message>
    <message>
        <source>P  Papers collected</source>
        <translation>P  试卷回收</translation>
    </message>
    <message>
        <source>H  Hand-in</source>
        <translation>H  交卷离场</translation>
    </message>
    <message>
        <source>S  Sign record</source>
        <translation>S  签署记录</translation>
    </message>
    <message>
        <source>R  Room record PDF</source>
        <translation>R  考场记录</translation>
    </message>
    <message>
        <source>T  Timer view</source>
        <translation>T  计时屏</translation>
    </message>
</context>
<context>
    <name>ControlRoomScreen</name>
    <message>
        <source>No sitting today in this venue's package.</source>
        <translation>本考点数据包中今天没有场次。</translation>
    </message>
    <message>
        <source>{exam} · {sitting} {subject} · {start}–{end} · {mode} · sealed until {sealed}</source>
        <translation>{exam} · {sitting} {subject} · {start}–{end} · {mode} · 封闭至 {sealed}</translation>
    </message>
    <message>
        <source>No alerts.</source>
        <translation>无告警。</translation>
    </message>
    <message>
        <source>Room {room}: checklist signed off.</source>
        <translation>第{room}考场：考前检查已签认。</translation>
    </message>
    <message>
        <source>Room {room} is open.</source>
        <translation>第{room}考场已开启。</translation>
    </message>
    <message>
        <source>Room {room}: papers collected.</source>
        <translation>第{room}考场：试卷已回收。</translation>
    </message>
    <message>
        <source>Invigilators drawn and recorded.</source>
        <translation>监考已抽取并记录。</translation>
    </message>
    <message>
        <source>Save invigilator assignment</source>
        <translation>保存监考安排</translation>
    </message>
    <message>
        <source>No invigilators drawn yet for this sitting.</source>
        <translation>本场次尚未抽取监考。</translation>
    </message>
    <message>
        <source>Invigilator assignment saved: {path}</source>
        <translation>监考安排已保存：{path}</translation>
    </message>
    <message>
        <source>Room {room}: {ticket} recorded as handed in.</source>
        <translation>第{room}考场：{ticket} 已记录交卷离场。</translation>
    </message>
    <message>
        <source>Room {room}: your signature is on the room record.</source>
        <translation>第{room}考场：您已在考场情况记录上签字。</translation>
    </message>
    <message>
        <source>Save room record</source>
        <translation>保存考场情况记录</translation>
    </message>
    <message>
        <source>Room record saved: {path}</source>
        <translation>考场情况记录已保存：{path}</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
</context>
<context>
    <name>CredentialForm</name>
    <message>
        <source>Current credential</source>
        <translation>当前口令</translation>
    </message>
    <message>
        <source>New credential</source>
        <translation>新口令</translation>
    </message>
    <message>
        <source>New credential again</source>
        <translation>再次输入新口令</translation>
    </message>
    <message>
        <source>At least 8 characters; not your staff number, not one character repeated, not a common credential.</source>
        <translation>至少 8 个字符；不能是您的工号，不能由同一个字符重复组成，也不能是常见口令。</translation>
    </message>
    <message>
        <source>Change credential</source>
        <translation>修改口令</translation>
    </message>
    <message>
        <source>Enter your current credential.</source>
        <translation>请输入当前口令。</translation>
    </message>
    <message>
        <source>Enter the new credential.</source>
        <translation>请输入新口令。</translation>
    </message>
    <message>
        <source>The two new entries differ; type the new credential again.</source>
        <translation>两次输入的新口令不一致，请重新输入新口令。</translation>
    </message>
    <message>
        <source>Changing the credential…</source>
        <translation>正在修改口令…</translation>
    </message>
</context>
<context>
    <name>Custody</name>
    <message>
        <source>not received</source>
        <translation>未接收</translation>
    </message>
    <message>
        <source>Room {code}</source>
        <translation>第{code}考场</translation>
    </message>
    <message>
        <source>Escort (province)</source>
        <translation>押运（省级）</translation>
    </message>
    <message>
        <source>Secure paper room</source>
        <translation>保密室</translation>
    </message>
    <message>
        <source>Exam office</source>
        <translation>考务办公室</translation>
    </message>
    <message>
        <source>Question papers</source>
        <translation>试卷袋</translation>
    </message>
    <message>
        <source>Answer sheets</source>
        <translation>答卷袋</translation>
    </message>
    <message>
        <source>Disc</source>
        <translation>光盘</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <source>not expected here</source>
        <translation>不属于本次交接</translation>
    </message>
    <message>
        <source>unknown barcode</source>
        <translation>未知条码</translation>
    </message>
    <message>
        <source>wrong count</source>
        <translation>数量不符</translation>
    </message>
    <message>
        <source>seal broken</source>
        <translation>密封破损</translation>
    </message>
    <message>
        <source>other seal number</source>
        <translation>封条号不符</translation>
    </message>
    <message>
        <source>motion</source>
        <translation>有人员活动</translation>
    </message>
    <message>
        <source>camera covered</source>
        <translation>摄像头被遮挡</translation>
    </message>
    <message>
        <source>camera out of focus</source>
        <translation>摄像头失焦</translation>
    </message>
    <message>
        <source>camera moved</source>
        <translation>摄像头被移动</translation>
    </message>
    <message>
        <source>signal lost</source>
        <translation>信号中断</translation>
    </message>
    <message>
        <source>back to normal</source>
        <translation>恢复正常</translation>
    </message>
    <message>
        <source>recording failed</source>
        <translation>录像失败</translation>
    </message>
</context>
<context>
    <name>CustodyScreen</name>
    <message>
        <source>Paper custody</source>
        <translation>试卷流转</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Latest handovers</source>
        <translation>最近交接</translation>
    </message>
    <message>
        <source>End-of-day reconciliation (F9)</source>
        <translation>当日清点核对（F9）</translation>
    </message>
    <message>
        <source>Where is a package?</source>
        <translation>袋件在哪里？</translation>
    </message>
    <message>
        <source>Scan or type a package barcode</source>
        <translation>扫描或输入袋件条码</translation>
    </message>
    <message>
        <source>No custody alerts.</source>
        <translation>无试卷流转告警。</translation>
    </message>
    <message>
        <source>missing since a handover</source>
        <translation>交接时缺失，至今未找到</translation>
    </message>
    <message>
        <source>{barcode} ({kind}): {state}</source>
        <translation>{barcode}（{kind}）：{state}</translation>
    </message>
    <message>
        <source>⚠ {n} gap(s) in the chain</source>
        <translation>⚠ 流转链中有 {n} 处断点</translation>
    </message>
    <message>
        <source>All {n} packages received are accounted for.</source>
        <translation>已接收的 {n} 件全部清点无误。</translation>
    </message>
    <message>
        <source>{bad} of {n} packages received are not accounted for: {codes}</source>
        <translation>已接收的 {n} 件中有 {bad} 件未归位：{codes}</translation>
    </message>
</context>
<context>
    <name>DatabasePage</name>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>One PC: SQLite, nothing to install. Several desks sharing one venue database over the network: PostgreSQL.</source>
        <translation>只有一台电脑：选 SQLite，无需安装。多个工位通过局域网共用一个考点数据库：选 PostgreSQL。</translation>
    </message>
    <message>
        <source>SQLite on this PC</source>
        <translation>本机 SQLite</translation>
    </message>
    <message>
        <source>PostgreSQL server</source>
        <translation>PostgreSQL 服务器</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Test the connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Keep the data keys in a protected file on this PC</source>
        <translation>将数据密钥保存在本机受保护的文件中</translation>
    </message>
    <message>
        <source>This PC has no secure keyring (such as Windows Credential Locker or GNOME Keyring). Without one, the keys that protect candidates' personal data can only be kept in a file that only this PC's administrator account can read. Anyone who copies that file and the database can read the personal data: use this only on a PC that is locked away, and move to a PC with a keyring before exam day if you can.</source>
        <translation>本机没有安全的密钥环（如 Windows 凭据管理器或 GNOME 密钥环）。没有密钥环时，保护考生个人信息的密钥只能保存在一个仅本机管理员账户可读的文件中。任何人复制了该文件和数据库，就能读取个人信息：请仅在上锁保管的计算机上使用此方式，并尽可能在考试日前改用有密钥环的计算机。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接……</translation>
    </message>
    <message>
        <source>Connected: {version}</source>
        <translation>已连接：{version}</translation>
    </message>
    <message>
        <source>This database is already set up for venue {venue}: this desk joins it, and its chief examiner stays.</source>
        <translation>此数据库已为考点 {venue} 设置好：本工位将加入该数据库，沿用其主考账号。</translation>
    </message>
    <message>
        <source>This PC has no secure keyring: tick the box to keep the data keys in a protected file, or set this PC up from a desktop session with a keyring.</source>
        <translation>本机没有安全的密钥环：请勾选上方选项，将数据密钥保存在受保护的文件中；或在有密钥环的桌面会话中设置本机。</translation>
    </message>
</context>
<context>
    <name>DeskChoice</name>
    <message>
        <source>Venue gate</source>
        <translation>考点大门</translation>
    </message>
    <message>
        <source>Room {room} door</source>
        <translation>第{room}考场门口</translation>
    </message>
</context>
<context>
    <name>DeskHealth</name>
    <message>
        <source>ID-card reader</source>
        <translation>身份证阅读器</translation>
    </message>
    <message>
        <source>Ticket scanner</source>
        <translation>扫码枪</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>working</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>cannot be reached</source>
        <translation>无法连接</translation>
    </message>
</context>
<context>
    <name>DeskKeys</name>
    <message>
        <source>F2 Manual entry</source>
        <translation>F2 手工输入</translation>
    </message>
    <message>
        <source>F3 Find by name</source>
        <translation>F3 按姓名查找</translation>
    </message>
    <message>
        <source>Attendance sheet</source>
        <translation>签到表</translation>
    </message>
    <message>
        <source>Enter confirm · Esc next candidate</source>
        <translation>Enter 确认 · Esc 下一位</translation>
    </message>
</context>
<context>
    <name>DeskSide</name>
    <message>
        <source>Entry has closed. Candidates not admitted are recorded absent. The attendance sheet is ready.</source>
        <translation>入场已截止。未入场的考生已记为缺考。签到表已生成。</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应到</translation>
    </message>
    <message>
        <source>Admitted</source>
        <translation>已入场</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>未到</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>最近</translation>
    </message>
</context>
<context>
    <name>DeviceCLI</name>
    <message>
        <source>--minutes must be at least 1.</source>
        <translation>--minutes 至少为 1。</translation>
    </message>
    <message>
        <source>Admission-ticket barcode scanner diagnostics.</source>
        <translation>准考证扫码枪诊断。</translation>
    </message>
    <message>
        <source>Cannot create the simulated port at {path}: {detail}</source>
        <translation>无法在 {path} 创建模拟端口：{detail}</translation>
    </message>
    <message>
        <source>Cannot open camera source {source}.</source>
        <translation>无法打开摄像头来源 {source}。</translation>
    </message>
    <message>
        <source>Cannot read image {path}: it is a folder, or this account may not read it.</source>
        <translation>无法读取图像 {path}：这是一个文件夹，或本账户无权读取。</translation>
    </message>
    <message>
        <source>Cannot read image {path}: it is not an image OpenCV can read.</source>
        <translation>无法读取图像 {path}：这不是 OpenCV 能读取的图像。</translation>
    </message>
    <message>
        <source>Cannot read image {path}: there is no such file.</source>
        <translation>无法读取图像 {path}：文件不存在。</translation>
    </message>
    <message>
        <source>HK/Macao/Taiwan residence permit (港澳台居民居住证)</source>
        <translation>港澳台居民居住证</translation>
    </message>
    <message>
        <source>ID-card reader diagnostics</source>
        <translation>身份证阅读器诊断</translation>
    </message>
    <message>
        <source>Listening on {port} at {baud} baud; Ctrl+C to stop.</source>
        <translation>正在 {port} 上以 {baud} 波特率监听；按 Ctrl+C 停止。</translation>
    </message>
    <message>
        <source>No ID-card reader answered on {count} port(s).</source>
        <translation>{count} 个端口上都没有身份证阅读器应答。</translation>
    </message>
    <message>
        <source>No USB camera opened at indexes 0..{last}.</source>
        <translation>索引 0..{last} 上没有能打开的 USB 摄像头。</translation>
    </message>
    <message>
        <source>No card was presented on {where} within {seconds} s.</source>
        <translation>{seconds} 秒内 {where} 上没有放置证件。</translation>
    </message>
    <message>
        <source>No serial ports found.</source>
        <translation>未找到串口。</translation>
    </message>
    <message>
        <source>No usable ID-card reader on {where}: {detail}</source>
        <translation>{where} 上没有可用的身份证阅读器：{detail}</translation>
    </message>
    <message>
        <source>Paper-room camera diagnostics.</source>
        <translation>保密室摄像头诊断。</translation>
    </message>
    <message>
        <source>Protocol error [{fault}]: {detail}</source>
        <translation>协议错误 [{fault}]：{detail}</translation>
    </message>
    <message>
        <source>Read failed: {meaning} (SW3 0x{code} on {command})</source>
        <translation>读卡失败：{meaning}（{command} 返回 SW3 0x{code}）</translation>
    </message>
    <message>
        <source>Reader ready on {where}; present a card…</source>
        <translation>阅读器已就绪（{where}），请放置证件…</translation>
    </message>
    <message>
        <source>Serial port {port}: {detail}</source>
        <translation>串口 {port}：{detail}</translation>
    </message>
    <message>
        <source>Simulated ID-card reader on {path} (-&gt; {slave}) with {card}; Ctrl-C to stop.</source>
        <translation>模拟身份证阅读器位于 {path}（-&gt; {slave}），{card}；按 Ctrl-C 停止。</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>The camera source is not usable: {detail}</source>
        <translation>摄像头来源无法使用：{detail}</translation>
    </message>
    <message>
        <source>The command could not complete: {detail}</source>
        <translation>命令未能完成：{detail}</translation>
    </message>
    <message>
        <source>The photo decoder cannot be used: {detail}</source>
        <translation>照片解码库无法使用：{detail}</translation>
    </message>
    <message>
        <source>The reader's library cannot be used: {detail}</source>
        <translation>阅读器的动态库无法使用：{detail}</translation>
    </message>
    <message>
        <source>The serial scanner's settings are not usable: {detail}</source>
        <translation>串口扫码枪的设置无法使用：{detail}</translation>
    </message>
    <message>
        <source>The ticket pattern is not usable: {detail}</source>
        <translation>准考证号规则无法使用：{detail}</translation>
    </message>
    <message>
        <source>This FFmpeg build (PyAV) cannot write {codec} video.</source>
        <translation>此 FFmpeg 版本（PyAV）无法写入 {codec} 视频。</translation>
    </message>
    <message>
        <source>Type a code and Enter to scan it; end input (Ctrl+D) to stop.</source>
        <translation>输入条码并回车即模拟一次扫码；结束输入（Ctrl+D）即停止。</translation>
    </message>
    <message>
        <source>USB index, RTSP URL, video file or sim:NAME</source>
        <translation>USB 序号、RTSP 地址、视频文件或 sim:名称</translation>
    </message>
    <message>
        <source>USB index, RTSP URL, video file or sim:ticket</source>
        <translation>USB 序号、RTSP 地址、视频文件或 sim:ticket</translation>
    </message>
    <message>
        <source>Venue device diagnostics</source>
        <translation>考点设备诊断</translation>
    </message>
    <message>
        <source>[{state}] {detail}</source>
        <translation>[{state}] {detail}</translation>
    </message>
    <message>
        <source>a simulated serial scanner on a pseudo-terminal</source>
        <translation>在伪终端上模拟一台串口扫码枪</translation>
    </message>
    <message>
        <source>a {card_type} card</source>
        <translation>放有一张 {card_type} 证件</translation>
    </message>
    <message>
        <source>also probe this port (repeatable)</source>
        <translation>同时探测此端口（可重复）</translation>
    </message>
    <message>
        <source>any serial port</source>
        <translation>任一串口</translation>
    </message>
    <message>
        <source>barcode scanners: listen on a serial scanner, simulate one</source>
        <translation>扫码枪：监听串口扫码枪，或模拟一台</translation>
    </message>
    <message>
        <source>baud rate (default 9600; many scanners use 115200)</source>
        <translation>波特率（默认 9600；许多扫码枪用 115200）</translation>
    </message>
    <message>
        <source>camera name used in events and file names</source>
        <translation>事件和文件名中使用的摄像头名称</translation>
    </message>
    <message>
        <source>cameras: probe USB cameras, watch for motion and tampering, record segments</source>
        <translation>摄像头：探测 USB 摄像头，监视移动与遮挡破坏，分段录像</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>decode ticket codes (Code 128, QR) in image files</source>
        <translation>识读图像文件中的准考证条码（Code 128、二维码）</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <source>drive the reader through this vendor sdtapi library</source>
        <translation>通过此厂商 sdtapi 动态库驱动阅读器</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>foreigner's permanent residence ID card 2023 (外国人永久居留身份证)</source>
        <translation>外国人永久居留身份证（2023 版）</translation>
    </message>
    <message>
        <source>foreigner's permanent residence card 2017 (外国人永久居留证)</source>
        <translation>外国人永久居留证（2017 版）</translation>
    </message>
    <message>
        <source>list serial ports and which answer as an ID-card reader</source>
        <translation>列出串口，并指出哪些作为身份证阅读器应答</translation>
    </message>
    <message>
        <source>log the drivers' messages to stderr</source>
        <translation>将驱动程序的日志输出到标准错误</translation>
    </message>
    <message>
        <source>milliseconds between bytes</source>
        <translation>字节之间的毫秒数</translation>
    </message>
    <message>
        <source>no card</source>
        <translation>无证件</translation>
    </message>
    <message>
        <source>one JSON object per code</source>
        <translation>每个条码输出一个 JSON 对象</translation>
    </message>
    <message>
        <source>one JSON object per event</source>
        <translation>每个事件输出一个 JSON 对象</translation>
    </message>
    <message>
        <source>one JSON object per index tried</source>
        <translation>每个尝试的序号输出一个 JSON 对象</translation>
    </message>
    <message>
        <source>one JSON object per port</source>
        <translation>每个端口输出一个 JSON 对象</translation>
    </message>
    <message>
        <source>one JSON object per scan</source>
        <translation>每次扫码输出一个 JSON 对象</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>play a video file at its frame rate</source>
        <translation>按视频文件自身的帧率播放</translation>
    </message>
    <message>
        <source>port {port}</source>
        <translation>端口 {port}</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>print codes from a serial (USB COM) scanner</source>
        <translation>打印串口（USB COM）扫码枪读到的条码</translation>
    </message>
    <message>
        <source>print motion and tamper events</source>
        <translation>打印移动与遮挡破坏事件</translation>
    </message>
    <message>
        <source>print the ID number unmasked</source>
        <translation>打印完整的证件号码（不打码）</translation>
    </message>
    <message>
        <source>print the card as JSON</source>
        <translation>以 JSON 打印证件</translation>
    </message>
    <message>
        <source>print ticket codes seen by a camera</source>
        <translation>打印摄像头看到的准考证条码</translation>
    </message>
    <message>
        <source>read fingerprints too (command 30 10)</source>
        <translation>同时读取指纹（命令 30 10）</translation>
    </message>
    <message>
        <source>reader</source>
        <translation>阅读器</translation>
    </message>
    <message>
        <source>record wall-clock segments</source>
        <translation>按时钟分段录像</translation>
    </message>
    <message>
        <source>resident ID card (居民身份证)</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <source>seconds each port has to answer</source>
        <translation>每个端口应答的秒数</translation>
    </message>
    <message>
        <source>seconds of quiet that end a code sent without terminator (default 0.1)</source>
        <translation>无结束符条码以多少秒静默视为结束（默认 0.1）</translation>
    </message>
    <message>
        <source>seconds to wait for a card</source>
        <translation>等待证件的秒数</translation>
    </message>
    <message>
        <source>segment length in minutes</source>
        <translation>每段录像的分钟数</translation>
    </message>
    <message>
        <source>send no faster than 115200 baud</source>
        <translation>发送速度不超过 115200 波特</translation>
    </message>
    <message>
        <source>serial port of the reader (default: look on every port)</source>
        <translation>阅读器的串口（默认：在所有端口上查找）</translation>
    </message>
    <message>
        <source>serial port, e.g. /dev/ttyACM0 or COM3</source>
        <translation>串口，例如 /dev/ttyACM0 或 COM3</translation>
    </message>
    <message>
        <source>serve a simulated reader on a pseudo-terminal</source>
        <translation>在伪终端上提供一台模拟阅读器</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示此帮助信息并退出</translation>
    </message>
    <message>
        <source>stable path to create (default: a temporary one)</source>
        <translation>要创建的固定路径（默认：临时路径）</translation>
    </message>
    <message>
        <source>start with no card on the reader</source>
        <translation>开始时阅读器上没有证件</translation>
    </message>
    <message>
        <source>stop after N codes</source>
        <translation>读到 N 个条码后停止</translation>
    </message>
    <message>
        <source>stop after S seconds</source>
        <translation>S 秒后停止</translation>
    </message>
    <message>
        <source>stop after T seconds</source>
        <translation>T 秒后停止</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>the SDK's port: 1001–1016 USB, 1–16 serial</source>
        <translation>SDK 的端口：1001–1016 为 USB，1–16 为串口</translation>
    </message>
    <message>
        <source>the card carries fingerprints</source>
        <translation>证件带有指纹</translation>
    </message>
    <message>
        <source>the exam's ticket-number pattern (default: 10 to 20 digits)</source>
        <translation>考试的准考证号规则（默认：10 到 20 位数字）</translation>
    </message>
    <message>
        <source>try indexes 0..N-1 (default 5)</source>
        <translation>尝试序号 0..N-1（默认 5）</translation>
    </message>
    <message>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>vendor WLT decoder library to decode the photo</source>
        <translation>用于解码照片的厂商 WLT 解码库</translation>
    </message>
    <message>
        <source>wait for a card and print what it holds</source>
        <translation>等待证件并打印其内容</translation>
    </message>
    <message>
        <source>where the SDK writes the decoded photo</source>
        <translation>SDK 写入解码后照片的位置</translation>
    </message>
    <message>
        <source>which USB camera indexes open, and at what resolution</source>
        <translation>哪些 USB 摄像头序号能打开，分辨率是多少</translation>
    </message>
    <message>
        <source>{index}: no camera</source>
        <translation>{index}：无摄像头</translation>
    </message>
    <message>
        <source>{index}: opened, {width}x{height}</source>
        <translation>{index}：已打开，{width}x{height}</translation>
    </message>
    <message>
        <source>{path}: no Code 128 or QR code found.</source>
        <translation>{path}：未找到 Code 128 或二维码。</translation>
    </message>
    <message>
        <source>{path}: {code} is not reported: only {decoders} read it and it does not match the ticket pattern, or the two decoders read this code differently.</source>
        <translation>{path}：{code} 不予报告：只有 {decoders} 读出且不符合准考证号规则，或两个解码器对此码读数不一致。</translation>
    </message>
    <message>
        <source>{prog}: {problem}. '{prog} --help' lists the commands and their options.</source>
        <translation>{prog}：{problem}。'{prog} --help' 列出命令及其选项。</translation>
    </message>
</context>
<context>
    <name>DeviceCheck</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>There is no serial port {port} on this PC. Ports found: {ports}.</source>
        <translation>本机没有串口 {port}。找到的串口：{ports}。</translation>
    </message>
    <message>
        <source>Scan any code with this scanner now.</source>
        <translation>请现在用这把扫码枪扫描任意条码。</translation>
    </message>
    <message>
        <source>Waiting for the camera's picture…</source>
        <translation>正在等待摄像头画面……</translation>
    </message>
    <message>
        <source>Place an ID card on the reader now.</source>
        <translation>请现在把身份证放到阅读器上。</translation>
    </message>
    <message>
        <source>This device cannot be started: {detail}</source>
        <translation>无法启动此设备：{detail}</translation>
    </message>
    <message>
        <source>Code scanned: {code}</source>
        <translation>已扫码：{code}</translation>
    </message>
    <message>
        <source>Card read: {name}, {number}</source>
        <translation>已读卡：{name}，{number}</translation>
    </message>
    <message>
        <source>Picture received: {width} × {height}</source>
        <translation>已收到画面：{width} × {height}</translation>
    </message>
    <message>
        <source>The reader could not read the last card.</source>
        <translation>阅读器未能读取刚才的证件。</translation>
    </message>
    <message>
        <source>The reader could not read this card; place it again.</source>
        <translation>阅读器未能读取此证件，请重新放置。</translation>
    </message>
    <message>
        <source>The camera sent no usable picture.</source>
        <translation>摄像头没有送来可用的画面。</translation>
    </message>
    <message>
        <source>Connected. Waiting for the device…</source>
        <translation>已连接，等待设备……</translation>
    </message>
    <message>
        <source>Not connected yet: {state}</source>
        <translation>尚未连接：{state}</translation>
    </message>
    <message>
        <source>Nothing arrived within {seconds} seconds.</source>
        <translation>{seconds} 秒内没有收到任何数据。</translation>
    </message>
</context>
<context>
    <name>DeviceState</name>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>not connected: check its cable and that it is switched on</source>
        <translation>未连接：请检查线缆和电源</translation>
    </message>
    <message>
        <source>not working: the technician's log says why</source>
        <translation>不能工作：原因见技术日志</translation>
    </message>
    <message>
        <source>switched off in this program</source>
        <translation>已在本程序中停用</translation>
    </message>
    <message>
        <source>not working: its vendor library is not at the path in the settings</source>
        <translation>不能工作：设置中的路径下没有其厂商库文件</translation>
    </message>
    <message>
        <source>not working: the file in the settings is not a library this PC can load</source>
        <translation>不能工作：设置中的文件不是本机可以加载的库</translation>
    </message>
    <message>
        <source>not working: its vendor library is built for another kind of PC (32/64-bit or another system); install the vendor's library for this PC</source>
        <translation>不能工作：其厂商库是为另一类电脑编译的（32/64 位或其他系统）；请安装厂商适用于本机的库</translation>
    </message>
    <message>
        <source>not working: the library in the settings is not the vendor's reader (sdtapi) library</source>
        <translation>不能工作：设置中的库不是厂商的阅读器（sdtapi）库</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <source>Devices at this desk</source>
        <translation>本工位设备</translation>
    </message>
    <message>
        <source>Add each reader, scanner and camera, then test it: read a card, scan a code, see the picture. Devices can also be added later.</source>
        <translation>逐一添加阅读器、扫码枪和摄像头并现场测试：读一张证件、扫一个条码、看到画面。设备也可以以后再添加。</translation>
    </message>
    <message>
        <source>ID-card reader</source>
        <translation>身份证阅读器</translation>
    </message>
    <message>
        <source>ID-card reader (vendor SDK)</source>
        <translation>身份证阅读器（厂商 SDK）</translation>
    </message>
    <message>
        <source>Scanner (keyboard)</source>
        <translation>扫码枪（键盘）</translation>
    </message>
    <message>
        <source>Scanner (serial port)</source>
        <translation>扫码枪（串口）</translation>
    </message>
    <message>
        <source>Scanner (camera)</source>
        <translation>扫码（摄像头）</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Port or source</source>
        <translation>端口或视频源</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Add a device</source>
        <translation>添加设备</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Test the selected device</source>
        <translation>测试所选设备</translation>
    </message>
    <message>
        <source>Port: COM3 on Windows, /dev/ttyUSB0 on Linux; empty finds the reader. Camera: its number (0, 1, …), an rtsp:// address or a video file. Reader through its vendor's SDK: the path of its sdtapi library (sdtapi.dll, libsdtapi.so).</source>
        <translation>端口：Windows 上如 COM3，Linux 上如 /dev/ttyUSB0；留空则自动查找阅读器。摄像头：编号（0、1……）、rtsp:// 地址或视频文件。通过厂商 SDK 使用的阅读器：其 sdtapi 库的路径（sdtapi.dll、libsdtapi.so）。</translation>
    </message>
    <message>
        <source>Options: as settings.json holds them, e.g. {example}; empty for the defaults.</source>
        <translation>选项：与 settings.json 中的写法相同，例如 {example}；留空则用默认值。</translation>
    </message>
    <message>
        <source>This device's settings are not valid: {detail}</source>
        <translation>此设备的设置无效：{detail}</translation>
    </message>
    <message>
        <source>Two devices have the same name.</source>
        <translation>有两台设备同名。</translation>
    </message>
</context>
<context>
    <name>DevicesScreen</name>
    <message>
        <source>Configure the devices</source>
        <translation>配置设备</translation>
    </message>
    <message>
        <source>The desk's devices are stopped while you edit them and start again when you save or cancel. Test each new or changed device before saving: read a card, scan a code, see the picture.</source>
        <translation>编辑期间本工位设备暂停工作，保存或取消后重新启动。新增或修改的设备须先现场测试才能保存：读一张证件、扫一个条码、看到画面。</translation>
    </message>
    <message>
        <source>Ctrl+N add a device · Del remove it · F5 test it · Ctrl+S save · Esc cancel</source>
        <translation>Ctrl+N 添加设备 · Del 删除 · F5 测试 · Ctrl+S 保存 · Esc 取消</translation>
    </message>
    <message>
        <source>Serial ports on this PC</source>
        <translation>本机串口</translation>
    </message>
    <message>
        <source>List again</source>
        <translation>重新列出</translation>
    </message>
    <message>
        <source>Ctrl+S  Save</source>
        <translation>Ctrl+S  保存</translation>
    </message>
    <message>
        <source>Esc  Cancel</source>
        <translation>Esc  取消</translation>
    </message>
    <message>
        <source>No serial port found on this PC.</source>
        <translation>本机未找到串口。</translation>
    </message>
    <message>
        <source>Test these devices before saving: {names}</source>
        <translation>请先测试这些设备再保存：{names}</translation>
    </message>
    <message>
        <source>card read: {number}</source>
        <translation>读到证件：{number}</translation>
    </message>
    <message>
        <source>card taken away</source>
        <translation>证件已移开</translation>
    </message>
    <message>
        <source>a card could not be read</source>
        <translation>有一张证件未能读出</translation>
    </message>
    <message>
        <source>the reader's answer was garbled</source>
        <translation>阅读器的应答有误</translation>
    </message>
    <message>
        <source>code scanned: {code}</source>
        <translation>扫到条码：{code}</translation>
    </message>
    <message>
        <source>Devices at this desk</source>
        <translation>本工位设备</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Port or source</source>
        <translation>端口或来源</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last event</source>
        <translation>最近事件</translation>
    </message>
    <message>
        <source>Last test</source>
        <translation>最近测试</translation>
    </message>
    <message>
        <source>F5  Test</source>
        <translation>F5  测试</translation>
    </message>
    <message>
        <source>F6  Restart</source>
        <translation>F6  重启</translation>
    </message>
    <message>
        <source>F7  Add, remove, configure…</source>
        <translation>F7  添加、删除、配置…</translation>
    </message>
    <message>
        <source>recorded by the secure paper room</source>
        <translation>保密室录像使用</translation>
    </message>
    <message>
        <source>not started yet</source>
        <translation>尚未启动</translation>
    </message>
    <message>
        <source>Stopping {name} for its test…</source>
        <translation>正在暂停 {name} 以便测试……</translation>
    </message>
    <message>
        <source>No picture from this camera yet.</source>
        <translation>此摄像头还没有画面。</translation>
    </message>
    <message>
        <source>Picture from the recording: {width} × {height}</source>
        <translation>录像画面：{width} × {height}</translation>
    </message>
    <message>
        <source>{name} is the secure paper room's camera: it restarts with the program.</source>
        <translation>{name} 是保密室的摄像头：随程序一起重启。</translation>
    </message>
    <message>
        <source>Restarting {name}…</source>
        <translation>正在重启 {name}……</translation>
    </message>
    <message>
        <source>{name} was restarted.</source>
        <translation>{name} 已重启。</translation>
    </message>
    <message>
        <source>Stopping the desk's devices for editing…</source>
        <translation>正在暂停本工位设备以便编辑……</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存……</translation>
    </message>
    <message>
        <source>Saved. The devices run with their new settings.</source>
        <translation>已保存，设备已按新设置运行。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>未做任何更改。</translation>
    </message>
</context>
<context>
    <name>Draw</name>
    <message>
        <source>Room {room}: no eligible invigilator with computer skills is free of declared relations</source>
        <translation>第{room}考场：没有无回避关系且具备计算机技能的合格监考</translation>
    </message>
    <message>
        <source>Room {room}: only {available} eligible invigilators are free of declared relations</source>
        <translation>第{room}考场：无回避关系的合格监考仅 {available} 人</translation>
    </message>
    <message>
        <source>Room {room}: not enough invigilators left for it once the other rooms are staffed</source>
        <translation>第{room}考场：其他考场安排后，剩余监考不足</translation>
    </message>
    <message>
        <source>The draw is impossible; nothing was relaxed:</source>
        <translation>无法完成抽取，未放宽任何条件：</translation>
    </message>
    <message>
        <source>not an invigilator</source>
        <translation>非监考人员</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>volunteer or public recruit (art. 20(二))</source>
        <translation>志愿者或社会招聘人员（第二十条（二））</translation>
    </message>
    <message>
        <source>Sitting</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Drawn</source>
        <translation>抽取</translation>
    </message>
    <message>
        <source>{at} by {by}, confirmed by {second}</source>
        <translation>{at} 由 {by} 抽取，{second} 确认</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Inputs (SHA-256)</source>
        <translation>输入数据（SHA-256）</translation>
    </message>
    <message>
        <source>Re-run from the record</source>
        <translation>按记录重算</translation>
    </message>
    <message>
        <source>gives the same result</source>
        <translation>结果一致</translation>
    </message>
    <message>
        <source>DIFFERS</source>
        <translation>不一致</translation>
    </message>
    <message>
        <source>Redraw reason</source>
        <translation>重新抽取理由</translation>
    </message>
    <message>
        <source>{reason} ({count} earlier draws kept)</source>
        <translation>{reason}（保留此前 {count} 次抽取）</translation>
    </message>
    <message>
        <source>Invigilator assignment</source>
        <translation>监考安排表</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>考场</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>考场</translation>
    </message>
    <message>
        <source>Invigilators (★ computer skills)</source>
        <translation>监考（★ 具备计算机技能）</translation>
    </message>
    <message>
        <source>Reserve</source>
        <translation>备用</translation>
    </message>
    <message>
        <source>Not in the draw</source>
        <translation>未参加抽取</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>DrawDialog</name>
    <message>
        <source>Redraw invigilators</source>
        <translation>重新抽取监考</translation>
    </message>
    <message>
        <source>Draw invigilators</source>
        <translation>抽取监考</translation>
    </message>
    <message>
        <source>Art. 19: rooms are drawn at random; a second person confirms (art. 42).</source>
        <translation>第十九条：监考考场随机抽取；须由第二人确认（第四十二条）。</translation>
    </message>
    <message>
        <source>Second person's staff number</source>
        <translation>第二人工号</translation>
    </message>
    <message>
        <source>Second person's credential</source>
        <translation>第二人口令</translation>
    </message>
    <message>
        <source>Reason for the redraw</source>
        <translation>重新抽取理由</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <source>{h} h {m} min {s} s</source>
        <translation>{h} 小时 {m} 分 {s} 秒</translation>
    </message>
    <message>
        <source>{m} min {s} s</source>
        <translation>{m} 分 {s} 秒</translation>
    </message>
    <message>
        <source>{s} s</source>
        <translation>{s} 秒</translation>
    </message>
</context>
<context>
    <name>EntryCountdown</name>
    <message>
        <source>Entry closes {time}
{left} left</source>
        <translation>入场截止 {time}
还有 {left}</translation>
    </message>
    <message>
        <source>Entry closed at {time}</source>
        <translation>已于 {time} 截止入场</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>A credential may have at most {max_length} characters.</source>
        <translation>口令最多 {max_length} 个字符。</translation>
    </message>
    <message>
        <source>A credential may not be one character repeated.</source>
        <translation>口令不能由同一个字符重复组成。</translation>
    </message>
    <message>
        <source>A credential may not be the staff number itself.</source>
        <translation>口令不能与工号相同。</translation>
    </message>
    <message>
        <source>A credential must have at least {min_length} characters.</source>
        <translation>口令至少需要 {min_length} 个字符。</translation>
    </message>
    <message>
        <source>A handover goes between two different places, not from {from_place} to {to_place}.</source>
        <translation>交接须在两个不同地点之间进行，不能从 {from_place} 到 {to_place}。</translation>
    </message>
    <message>
        <source>A misconduct record names at least one candidate.</source>
        <translation>违纪记录至少须列明一名考生。</translation>
    </message>
    <message>
        <source>A redraw needs a reason; the earlier draw is kept.</source>
        <translation>重新抽取须说明理由；原抽取结果将保留。</translation>
    </message>
    <message>
        <source>A second, different staff member must confirm this.</source>
        <translation>此操作须由另一名工作人员确认。</translation>
    </message>
    <message>
        <source>A signed checkpoint cannot be read ({detail}): the checkpoint table was damaged or altered.</source>
        <translation>一个已签名的审计检查点无法读取（{detail}）：检查点表已被损坏或改动。</translation>
    </message>
    <message>
        <source>A staff member with the role {role} may not confirm this.</source>
        <translation>{role}不能确认此操作。</translation>
    </message>
    <message>
        <source>An amendment needs a reason.</source>
        <translation>补正须说明理由。</translation>
    </message>
    <message>
        <source>An evidence range must end after it starts.</source>
        <translation>证据时段的结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>Answer sheets {barcode} are still in {place}, more than 30 minutes after the sitting ended.</source>
        <translation>答卷袋 {barcode} 在考试结束 30 分钟后仍在{place}。</translation>
    </message>
    <message>
        <source>Candidate {ticket} is seated more than once in sitting {sitting}.</source>
        <translation>考生 {ticket} 在场次 {sitting} 中被安排了多个座位。</translation>
    </message>
    <message>
        <source>Candidate {ticket} was already admitted to room {room} in sitting {sitting}, and this revision moves them to another room ({count} admitted candidates changed in all). Nothing was imported: the province must list such candidates under deliberate_changes.</source>
        <translation>考生 {ticket} 已在场次 {sitting} 进入 {room} 考场，而此版本将该考生调到了另一个考场（共 {count} 名已入场考生被更改）。未导入任何内容：省级考试机构须在数据包的“有意变更”清单中列出这类考生。</translation>
    </message>
    <message>
        <source>Candidate {ticket} was already admitted to room {room} in sitting {sitting}, and this revision takes them out of that sitting ({count} admitted candidates changed in all). Nothing was imported: the province must list such candidates under deliberate_changes.</source>
        <translation>考生 {ticket} 已在场次 {sitting} 进入 {room} 考场，而此版本将该考生移出了该场次（共 {count} 名已入场考生被更改）。未导入任何内容：省级考试机构须在数据包的“有意变更”清单中列出这类考生。</translation>
    </message>
    <message>
        <source>Candidate {ticket} was already admitted to room {room} in sitting {sitting}, and this revision withdraws them ({count} admitted candidates changed in all). Nothing was imported: the province must list such candidates under deliberate_changes.</source>
        <translation>考生 {ticket} 已在场次 {sitting} 进入 {room} 考场，而此版本撤销了该考生（共 {count} 名已入场考生被更改）。未导入任何内容：省级考试机构须在数据包的“有意变更”清单中列出这类考生。</translation>
    </message>
    <message>
        <source>Candidate {ticket}: the {document_type} number {masked} is not valid ({problem}).</source>
        <translation>考生 {ticket}：{document_type}号码 {masked} 无效（{problem}）。</translation>
    </message>
    <message>
        <source>Candidates {tickets} share one document number in sitting {sitting}; the desk could not tell them apart by their ID card.</source>
        <translation>场次 {sitting} 中的考生 {tickets} 使用同一个证件号码；检录台无法凭身份证区分他们。</translation>
    </message>
    <message>
        <source>Change your own credential with your current credential.</source>
        <translation>修改本人口令须输入当前口令。</translation>
    </message>
    <message>
        <source>Device entry {index} in {source} has no name.</source>
        <translation>{source} 中的第 {index} 个设备条目没有名称。</translation>
    </message>
    <message>
        <source>Device entry {index} in {source} is not an object with a name and a kind.</source>
        <translation>{source} 中的第 {index} 个设备条目不是包含名称和类型的对象。</translation>
    </message>
    <message>
        <source>Device {name} in {source}: give its port or source.</source>
        <translation>{source} 中的设备 {name}：请填写其端口或来源。</translation>
    </message>
    <message>
        <source>Device {name} in {source}: give the path of its vendor library (sdtapi.dll or libsdtapi.so) as its source.</source>
        <translation>{source} 中的设备 {name}：请把其厂商库文件的路径（sdtapi.dll 或 libsdtapi.so）填为来源。</translation>
    </message>
    <message>
        <source>Device {name} in {source}: options must be an object of names and values.</source>
        <translation>{source} 中的设备 {name}：options 必须是由名称和值组成的对象。</translation>
    </message>
    <message>
        <source>Device {name} in {source}: unknown kind {kind} (one of {kinds}).</source>
        <translation>{source} 中的设备 {name}：未知类型 {kind}（可选：{kinds}）。</translation>
    </message>
    <message>
        <source>Device {name} in {source}: unknown option {key} for a device of kind {kind}.</source>
        <translation>{source} 中的设备 {name}：类型为 {kind} 的设备没有选项 {key}。</translation>
    </message>
    <message>
        <source>Device {name} in {source}: unknown setting {key}.</source>
        <translation>{source} 中的设备 {name}：未知设置项 {key}。</translation>
    </message>
    <message>
        <source>Device {name} in {source}: {key} must be 1001 to 1016 (a USB reader) or 1 to 16 (a serial port), or null to try them all, not {value}.</source>
        <translation>{source} 中的设备 {name}：{key} 必须是 1001 到 1016（USB 阅读器）或 1 到 16（串口），或为 null 以逐个尝试，而不是 {value}。</translation>
    </message>
    <message>
        <source>Device {name} in {source}: {key} must be a number above zero or null, not {value}.</source>
        <translation>{source} 中的设备 {name}：{key} 必须是大于零的数或 null，而不是 {value}。</translation>
    </message>
    <message>
        <source>Device {name} in {source}: {key} must be a number above zero, not {value}.</source>
        <translation>{source} 中的设备 {name}：{key} 必须是大于零的数，而不是 {value}。</translation>
    </message>
    <message>
        <source>Device {name} in {source}: {key} must be a single character or null, not {value}.</source>
        <translation>{source} 中的设备 {name}：{key} 必须是单个字符或 null，而不是 {value}。</translation>
    </message>
    <message>
        <source>Device {name} in {source}: {key} must be a whole number above zero, not {value}.</source>
        <translation>{source} 中的设备 {name}：{key} 必须是大于零的整数，而不是 {value}。</translation>
    </message>
    <message>
        <source>Device {name} in {source}: {key} must be an object with library (a path) and flavour (unpack or getbmp), not {value}.</source>
        <translation>{source} 中的设备 {name}：{key} 必须是包含 library（库文件路径）和 flavour（unpack 或 getbmp）的对象，而不是 {value}。</translation>
    </message>
    <message>
        <source>Device {name} in {source}: {key} must be at least {other}.</source>
        <translation>{source} 中的设备 {name}：{key} 不能小于 {other}。</translation>
    </message>
    <message>
        <source>Device {name} in {source}: {key} must be one of {choices}, not {value}.</source>
        <translation>{source} 中的设备 {name}：{key} 必须是 {choices} 之一，而不是 {value}。</translation>
    </message>
    <message>
        <source>Device {name} in {source}: {key} must be text, not {value}.</source>
        <translation>{source} 中的设备 {name}：{key} 必须是文本，而不是 {value}。</translation>
    </message>
    <message>
        <source>Device {name} in {source}: {key} must be true or false, not {value}.</source>
        <translation>{source} 中的设备 {name}：{key} 必须是 true 或 false，而不是 {value}。</translation>
    </message>
    <message>
        <source>Device {name} in {source}: {value} is a port, but this reader's source is its vendor library's file; the port goes in the option port.</source>
        <translation>{source} 中的设备 {name}：{value} 是端口，但这种阅读器的来源是其厂商库文件；端口请填在选项 port 中。</translation>
    </message>
    <message>
        <source>Entry is still open until {closes_at}; absences are marked when it closes.</source>
        <translation>入场截止时间为 {closes_at}，尚未截止；截止后再记录缺考。</translation>
    </message>
    <message>
        <source>Event {seq} cannot be read ({detail}): the row was damaged or altered.</source>
        <translation>无法读取第 {seq} 条审计事件（{detail}）：该记录已损坏或被篡改。</translation>
    </message>
    <message>
        <source>Event {seq} does not follow the event before it: an event was removed, inserted or replaced here.</source>
        <translation>第 {seq} 条审计事件与前一条不衔接：此处有事件被删除、插入或替换。</translation>
    </message>
    <message>
        <source>Event {seq} does not match its hash: its content was altered.</source>
        <translation>第 {seq} 条审计事件与其哈希不符：内容已被篡改。</translation>
    </message>
    <message>
        <source>Event {seq} is not the event the signed checkpoint names: the trail was rewritten up to here.</source>
        <translation>第 {seq} 条审计事件不是已签名检查点所记录的事件：审计链在此之前已被改写。</translation>
    </message>
    <message>
        <source>Every device needs a name.</source>
        <translation>每台设备都需要名称。</translation>
    </message>
    <message>
        <source>Give the chief examiner's name.</source>
        <translation>请填写主考姓名。</translation>
    </message>
    <message>
        <source>Give the chief examiner's staff number.</source>
        <translation>请填写主考的工号。</translation>
    </message>
    <message>
        <source>Give the database server's address.</source>
        <translation>请填写数据库服务器地址。</translation>
    </message>
    <message>
        <source>Give the database user.</source>
        <translation>请填写数据库用户名。</translation>
    </message>
    <message>
        <source>Give the database's name.</source>
        <translation>请填写数据库名称。</translation>
    </message>
    <message>
        <source>Give the provincial key's id.</source>
        <translation>请填写省级公钥编号。</translation>
    </message>
    <message>
        <source>Give the provincial public key.</source>
        <translation>请填写省级公钥。</translation>
    </message>
    <message>
        <source>Give the provincial server's address.</source>
        <translation>请填写省级服务器地址。</translation>
    </message>
    <message>
        <source>Give the reason for keeping this video as evidence.</source>
        <translation>请填写将该录像作为证据保存的理由。</translation>
    </message>
    <message>
        <source>Give the reason for this change (art. 43).</source>
        <translation>请填写变更原因（规程第四十三条）。</translation>
    </message>
    <message>
        <source>Give the venue's code.</source>
        <translation>请填写考点代码。</translation>
    </message>
    <message>
        <source>Give the venue's name.</source>
        <translation>请填写考点名称。</translation>
    </message>
    <message>
        <source>Invigilators cannot be assigned as the rules require; rooms that cannot be staffed: {rooms}.</source>
        <translation>无法按规定分配监考人员；无法安排监考的考场：{rooms}。</translation>
    </message>
    <message>
        <source>No candidate with admission ticket {tickets}.</source>
        <translation>没有准考证号为 {tickets} 的考生。</translation>
    </message>
    <message>
        <source>No candidate with admission ticket {ticket}.</source>
        <translation>没有准考证号为 {ticket} 的考生。</translation>
    </message>
    <message>
        <source>No chief examiner is enrolled in this database.</source>
        <translation>本数据库中尚无主考账号。</translation>
    </message>
    <message>
        <source>No computer called {host} can be found on the network.</source>
        <translation>在网络上找不到名为 {host} 的计算机。</translation>
    </message>
    <message>
        <source>No exam package is imported yet, so give this venue's code (--venue CODE).</source>
        <translation>尚未导入考试数据包，请提供本考点代码（--venue CODE）。</translation>
    </message>
    <message>
        <source>No handover {handover} is recorded.</source>
        <translation>没有编号为 {handover} 的交接记录。</translation>
    </message>
    <message>
        <source>No incident {incident}.</source>
        <translation>没有事件 {incident}。</translation>
    </message>
    <message>
        <source>No package with the barcode {barcode} is in the exam package.</source>
        <translation>考试数据包中没有条码为 {barcode} 的袋件。</translation>
    </message>
    <message>
        <source>No secure keyring is available on this computer ({backend}), so the venue's data keys cannot be stored safely. Use a desktop session with a keyring (Windows Credential Locker, GNOME Keyring, KWallet), or let the administrator choose a plaintext key file explicitly.</source>
        <translation>本机没有可用的安全密钥环（{backend}），无法安全保存考点数据密钥。请在带密钥环的桌面环境中运行（Windows 凭据管理器、GNOME Keyring、KWallet），或由系统管理员明确选择使用明文密钥文件。</translation>
    </message>
    <message>
        <source>No secure keyring is available on this computer, so the sync credential cannot be kept. Use a computer with a keyring (Windows Credential Locker).</source>
        <translation>本机没有可用的安全密钥环，无法保存同步凭据。请使用带密钥环的计算机（Windows 凭据管理器）。</translation>
    </message>
    <message>
        <source>No sitting {sitting} in this venue's package.</source>
        <translation>本考点考试数据包中没有场次 {sitting}。</translation>
    </message>
    <message>
        <source>No staff member {staff} in this venue's roster.</source>
        <translation>本考点工作人员名册中没有 {staff}。</translation>
    </message>
    <message>
        <source>Nothing answers on {host} port {port}: is the database server running there, and does its firewall let this PC in?</source>
        <translation>{host} 的 {port} 端口没有应答：请确认数据库服务器已在该计算机上运行，并且其防火墙允许本机连接。</translation>
    </message>
    <message>
        <source>Only a confirmed incident is amended; complete the draft instead.</source>
        <translation>只有已确认的事件才能补正；草稿请直接完善。</translation>
    </message>
    <message>
        <source>Only a decision that asked for a check can be admitted after a check.</source>
        <translation>只有“需核查”的结果才能核查后放行。</translation>
    </message>
    <message>
        <source>Only a serious incident is tracked until reported.</source>
        <translation>只有重大事件需要跟踪上报。</translation>
    </message>
    <message>
        <source>Only an SQLite database is restored here; restore PostgreSQL with pg_restore.</source>
        <translation>此处只能恢复 SQLite 数据库；PostgreSQL 请使用 pg_restore 恢复。</translation>
    </message>
    <message>
        <source>Only the demo can move the venue clock.</source>
        <translation>只有演示模式可以调整考点时钟。</translation>
    </message>
    <message>
        <source>Only the invigilators of room {room} sign its record.</source>
        <translation>只有第{room}考场的监考人员可签署其考场情况记录。</translation>
    </message>
    <message>
        <source>Package {barcode} was handed over from {found_at}, but no handover had taken it there (last known: {last_known}).</source>
        <translation>袋件 {barcode} 从{found_at}交出，但此前没有交接记录将其送到该处（最后已知：{last_known}）。</translation>
    </message>
    <message>
        <source>Package {barcode} was missing at the handover {from_place} → {to_place} and has not been found since.</source>
        <translation>袋件 {barcode} 在 {from_place} → {to_place} 交接时缺失，至今未找到。</translation>
    </message>
    <message>
        <source>Record whether the candidate signed (or refused before two witnesses): {tickets}.</source>
        <translation>请记录考生是否签字（或在两名工作人员见证下拒签）：{tickets}。</translation>
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
        <source>Room {room} is already open.</source>
        <translation>第{room}考场已开启。</translation>
    </message>
    <message>
        <source>Room {room} is sealed until {until}: nobody hands in or leaves before then (art. 30).</source>
        <translation>第{room}考场封闭至 {until}：此前不得交卷离场（第三十条）。</translation>
    </message>
    <message>
        <source>Room {room} was never opened for this sitting.</source>
        <translation>第{room}考场本场次未开启。</translation>
    </message>
    <message>
        <source>Room {room}: every item of the pre-exam checklist must be checked before it is signed off.</source>
        <translation>第{room}考场：考前检查须逐项完成后方可签认。</translation>
    </message>
    <message>
        <source>Room {room}: papers are already collected.</source>
        <translation>第{room}考场：试卷已回收。</translation>
    </message>
    <message>
        <source>Room {room}: sign off the pre-exam checklist before opening the room.</source>
        <translation>第{room}考场：请先签认考前检查，再开启考场。</translation>
    </message>
    <message>
        <source>Room {room}: the checklist is already signed off.</source>
        <translation>第{room}考场：考前检查已签认。</translation>
    </message>
    <message>
        <source>Room {room}: the record is already signed and complete.</source>
        <translation>第{room}考场：考场情况记录已签署完毕。</translation>
    </message>
    <message>
        <source>Room {room}: the record is signed after the papers are collected.</source>
        <translation>第{room}考场：试卷回收后方可签署考场情况记录。</translation>
    </message>
    <message>
        <source>Room {room}: {count} candidates are still sitting the exam.</source>
        <translation>第{room}考场：仍有 {count} 名考生在考。</translation>
    </message>
    <message>
        <source>Say how the incident was reported and to whom.</source>
        <translation>请说明上报方式和上报对象。</translation>
    </message>
    <message>
        <source>Scan at least one package before recording the handover.</source>
        <translation>记录交接前请至少扫描一个袋件。</translation>
    </message>
    <message>
        <source>Secure paper room: camera {camera} reports {kind}.</source>
        <translation>保密室：摄像头 {camera} 报告{kind}。</translation>
    </message>
    <message>
        <source>Secure paper room: motion on camera {camera} outside a handover window.</source>
        <translation>保密室：非交接时段摄像头 {camera} 检测到人员活动。</translation>
    </message>
    <message>
        <source>Secure paper room: {on_duty} on duty with papers in the room; at least 2 are required (art. 22(五)).</source>
        <translation>保密室：存有试卷时值守仅 {on_duty} 人，至少需要 2 人（第二十二条第（五）项）。</translation>
    </message>
    <message>
        <source>Setting devices in {source} must be a list of devices, not {value}.</source>
        <translation>{source} 中的设置项 devices 必须是设备列表，而不是 {value}。</translation>
    </message>
    <message>
        <source>Setting {key} in {source} must be a full folder path (such as D:\VenueOps), not {value}.</source>
        <translation>{source} 中的设置 {key} 必须是完整的文件夹路径（例如 D:\VenueOps），而不是 {value}。</translation>
    </message>
    <message>
        <source>Setting {key} in {source} must be a non-empty text, not {value}.</source>
        <translation>{source} 中的设置 {key} 必须是非空文本，而不是 {value}。</translation>
    </message>
    <message>
        <source>Setting {key} in {source} must be a whole number from {least} to {most}, not {value}.</source>
        <translation>{source} 中的设置 {key} 必须是 {least} 到 {most} 之间的整数，而不是 {value}。</translation>
    </message>
    <message>
        <source>Setting {key} in {source} must be one of the installed languages ({known}), not {value}.</source>
        <translation>{source} 中的设置 {key} 必须是已安装的语言之一（{known}），而不是 {value}。</translation>
    </message>
    <message>
        <source>Setting {key} in {source} must be one of {choices}, not {value}.</source>
        <translation>{source} 中的设置 {key} 必须是 {choices} 之一，而不是 {value}。</translation>
    </message>
    <message>
        <source>Setting {key} in {source} must be true or false, not {value}.</source>
        <translation>{source} 中的设置 {key} 必须是 true 或 false，而不是 {value}。</translation>
    </message>
    <message>
        <source>Setting {key} in {source} must map each key id to a public key, both texts.</source>
        <translation>{source} 中的设置 {key} 必须把每个密钥编号对应到一个公钥，两者都是文本。</translation>
    </message>
    <message>
        <source>Sitting {sitting} is already over.</source>
        <translation>场次 {sitting} 已结束。</translation>
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
        <source>Sync is not set up yet: give the provincial server's address and this venue's code (venue-ops sync configure URL --venue CODE).</source>
        <translation>尚未设置同步：请提供省级服务器地址和本考点代码（venue-ops sync configure URL --venue CODE）。</translation>
    </message>
    <message>
        <source>Sync was cancelled. What the server acknowledged stays sent; the rest stays queued.</source>
        <translation>同步已取消。服务器已确认的记录保持已发送，其余仍在待发送队列中。</translation>
    </message>
    <message>
        <source>That candidate has already handed in or left.</source>
        <translation>该考生已交卷或离场。</translation>
    </message>
    <message>
        <source>That candidate is not listed on this incident.</source>
        <translation>该考生不在此事件记录中。</translation>
    </message>
    <message>
        <source>That candidate was not admitted to room {room} in this sitting.</source>
        <translation>该考生本场次未在第{room}考场入场。</translation>
    </message>
    <message>
        <source>That room is not used in this sitting.</source>
        <translation>该考场在本场次未使用。</translation>
    </message>
    <message>
        <source>The audit trail ends at event {last}, but a signed checkpoint names event {signed}: events from {seq} on were removed.</source>
        <translation>审计链止于第 {last} 条，但已签名检查点记录了第 {signed} 条：第 {seq} 条起的事件已被删除。</translation>
    </message>
    <message>
        <source>The audit trail no longer holds the event {seq} that the last signed checkpoint names: it was shortened or rewritten. Nothing was signed; run audit verify.</source>
        <translation>审计链中已不存在最近一个已签名检查点所记录的第 {seq} 条事件：审计链被截短或改写。未作任何签名；请运行审计校验。</translation>
    </message>
    <message>
        <source>The backup {path} fails SQLite's integrity check.</source>
        <translation>备份 {path} 未通过 SQLite 完整性检查。</translation>
    </message>
    <message>
        <source>The candidate's signature status is already recorded on this incident.</source>
        <translation>该考生在此事件上的签字情况已记录。</translation>
    </message>
    <message>
        <source>The checkpoint at event {seq} does not carry this venue's signature: it was forged.</source>
        <translation>第 {seq} 条事件处的检查点没有本考点的签名：该检查点系伪造。</translation>
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
        <source>The database cannot be reached. The log file says why in technical terms.</source>
        <translation>无法连接数据库。技术原因已写入日志文件。</translation>
    </message>
    <message>
        <source>The database server has no database called {database}.</source>
        <translation>数据库服务器上没有名为 {database} 的数据库。</translation>
    </message>
    <message>
        <source>The database server refused the user {user}: check the user and the password.</source>
        <translation>数据库服务器拒绝了用户 {user}：请检查用户名和密码。</translation>
    </message>
    <message>
        <source>The database server {host} did not answer within {seconds} seconds.</source>
        <translation>数据库服务器 {host} 在 {seconds} 秒内没有应答。</translation>
    </message>
    <message>
        <source>The database {place} is damaged or is not a Venue Ops database. Nothing was changed. Restore the latest backup (venue-ops db restore FILE).</source>
        <translation>数据库 {place} 已损坏，或不是考点考务系统的数据库。未作任何更改。请恢复最近的备份（venue-ops db restore 文件）。</translation>
    </message>
    <message>
        <source>The database {place} is read-only for this user, so nothing can be recorded. Nothing was changed. Make the file and its folder writable (or copy them to a writable disk).</source>
        <translation>数据库 {place} 对当前用户是只读的，无法记录任何内容。未作任何更改。请使该文件及其文件夹可写（或将其复制到可写的磁盘）。</translation>
    </message>
    <message>
        <source>The disk holding {place} is full ({free} free). Nothing already saved was lost; the last change was not saved. Free some space on that disk (or give a data folder on another disk), then do it again.</source>
        <translation>存放 {place} 的磁盘已满（剩余 {free}）。已保存的内容没有丢失；最后一次更改未保存。请在该磁盘上腾出空间（或指定另一块磁盘上的数据文件夹），然后重新操作。</translation>
    </message>
    <message>
        <source>The database has no {table} table: the audit trail was removed. Restore the latest backup and report this to the province.</source>
        <translation>数据库中没有 {table} 表：审计记录已被删除。请恢复最近的备份，并向省级考试机构报告。</translation>
    </message>
    <message>
        <source>The evidence file {path} cannot be read.</source>
        <translation>无法读取证据文件 {path}。</translation>
    </message>
    <message>
        <source>The evidence file {path} is missing on this computer, so it cannot be sent.</source>
        <translation>本机上缺少证据文件 {path}，无法发送。</translation>
    </message>
    <message>
        <source>The exam package arrived damaged (its SHA-256 does not match); nothing was imported. Try again.</source>
        <translation>考试数据包下载后已损坏（SHA-256 不符），未导入任何内容。请重试。</translation>
    </message>
    <message>
        <source>The exam's ticket pattern {pattern} is not accepted ({problem}). Use only characters, classes such as [0-9] or \d, anchors, and bounded repeats.</source>
        <translation>考试的准考证号格式 {pattern} 不被接受（{problem}）。只能使用字符、[0-9] 或 \d 这类字符类、锚点和有界重复。</translation>
    </message>
    <message>
        <source>The export could not be written to {path}: {detail}.</source>
        <translation>导出文件无法写入 {path}：{detail}。</translation>
    </message>
    <message>
        <source>The file {place} does not exist.</source>
        <translation>文件 {place} 不存在。</translation>
    </message>
    <message>
        <source>The giving side needs at least two different staff members, each confirming with their own credential (art. 22(四)); {count} confirmed.</source>
        <translation>交出方至少需要两名不同的工作人员各自以本人凭证确认（第二十二条第（四）项）；已确认 {count} 人。</translation>
    </message>
    <message>
        <source>The key file {path} can be read by other users; it must have permissions 0600.</source>
        <translation>密钥文件 {path} 可被其他用户读取；其权限必须为 0600。</translation>
    </message>
    <message>
        <source>The key file {path} is damaged: it does not hold a venue data key. Put back the key file from the venue's key backup; nothing was changed.</source>
        <translation>密钥文件 {path} 已损坏：其中没有考点数据密钥。请从考点的密钥备份中放回该密钥文件；未作任何更改。</translation>
    </message>
    <message>
        <source>The keyring refused to read or store the data keys ({entry}): {problem}</source>
        <translation>密钥环拒绝读取或保存数据密钥（{entry}）：{problem}</translation>
    </message>
    <message>
        <source>The keyring refused to read the sync credential: {problem}</source>
        <translation>密钥环拒绝读取同步凭据：{problem}</translation>
    </message>
    <message>
        <source>The log could not be written to {path}: {detail}.</source>
        <translation>日志无法写入 {path}：{detail}。</translation>
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
        <source>The pinned certificate authority file {path} does not exist.</source>
        <translation>指定的证书颁发机构文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>The provincial public key is not an Ed25519 public key (64 hex digits or a PEM block).</source>
        <translation>省级公钥不是 Ed25519 公钥（应为 64 位十六进制数字或 PEM 格式）。</translation>
    </message>
    <message>
        <source>The provincial server address must start with https:// ({url}).</source>
        <translation>省级服务器地址必须以 https:// 开头（{url}）。</translation>
    </message>
    <message>
        <source>The provincial server address {url} must start with https://.</source>
        <translation>省级服务器地址 {url} 必须以 https:// 开头。</translation>
    </message>
    <message>
        <source>The provincial server answered {attempts} times with something that is not a valid answer ({detail}). Nothing was marked as sent: the results stay queued and are sent next time.</source>
        <translation>省级服务器连续 {attempts} 次返回了无效的应答（{detail}）。没有任何记录被标记为已发送：结果仍在队列中，下次再发送。</translation>
    </message>
    <message>
        <source>The provincial server at {url} cannot be reached ({detail}). Nothing is lost: the results stay queued and are sent next time.</source>
        <translation>无法连接省级服务器 {url}（{detail}）。没有任何数据丢失：结果仍在待发送队列中，下次发送。</translation>
    </message>
    <message>
        <source>The provincial server failed (HTTP {status}) {attempts} times in a row. Nothing is lost: the results stay queued and are sent next time.</source>
        <translation>省级服务器连续 {attempts} 次出错（HTTP {status}）。没有任何数据丢失：结果仍在待发送队列中，下次发送。</translation>
    </message>
    <message>
        <source>The provincial server refused the request (HTTP {status}: {detail}).</source>
        <translation>省级服务器拒绝了请求（HTTP {status}：{detail}）。</translation>
    </message>
    <message>
        <source>The provincial server refused this venue's credential (venue {venue}). Enter the credential the provincial agency issued; nothing was lost.</source>
        <translation>省级服务器拒绝了本考点的凭据（考点 {venue}）。请输入省级考试机构发放的凭据；没有任何数据丢失。</translation>
    </message>
    <message>
        <source>The receiving side needs at least two different staff members, each confirming with their own credential (art. 22(四)); {count} confirmed.</source>
        <translation>接收方至少需要两名不同的工作人员各自以本人凭证确认（第二十二条第（四）项）；已确认 {count} 人。</translation>
    </message>
    <message>
        <source>The recording disk holds only {days} days of video at the current rate; {required} are required (3 months).</source>
        <translation>按当前录像速率，录像磁盘只能保存 {days} 天的录像；需要 {required} 天（3 个月）。</translation>
    </message>
    <message>
        <source>The results file for venue {venue} is authentic but its content is not a results export this server can read; nothing was imported.</source>
        <translation>考点 {venue} 的结果文件是真实的，但其内容不是本服务器能读取的结果导出；未导入任何内容。</translation>
    </message>
    <message>
        <source>The results file for venue {venue} was altered or not made with this venue's credential; nothing was imported.</source>
        <translation>考点 {venue} 的结果文件已被改动，或不是用该考点的凭据生成的；未导入任何内容。</translation>
    </message>
    <message>
        <source>The results file is venue {venue}'s, not venue {sender}'s.</source>
        <translation>该结果文件属于考点 {venue}，而不是考点 {sender}。</translation>
    </message>
    <message>
        <source>The results file is {size} bytes; at most {limit} are accepted.</source>
        <translation>该结果文件有 {size} 字节；最多接受 {limit} 字节。</translation>
    </message>
    <message>
        <source>The results file names venue {venue}, which this server does not know.</source>
        <translation>结果文件所属考点 {venue} 不在本服务器的登记中。</translation>
    </message>
    <message>
        <source>The room's invigilators sign the record before the chief examiner's office.</source>
        <translation>考场情况记录须先由本考场监考签署，再由主考签署。</translation>
    </message>
    <message>
        <source>The same staff member cannot both give and receive papers (art. 22(四)).</source>
        <translation>同一工作人员不能既是交出方又是接收方（第二十二条第（四）项）。</translation>
    </message>
    <message>
        <source>The second person's confirmation is more than {minutes} minutes old; confirm again.</source>
        <translation>第二人的确认已超过 {minutes} 分钟；请重新确认。</translation>
    </message>
    <message>
        <source>The server at {url} did not present a certificate this venue trusts, so nothing was sent ({detail}). Check the server address and the configured certificate authority.</source>
        <translation>服务器 {url} 出示的证书不受本考点信任，因此未发送任何内容（{detail}）。请检查服务器地址和所配置的证书颁发机构。</translation>
    </message>
    <message>
        <source>The settings file {path} cannot be read: {detail}</source>
        <translation>无法读取设置文件 {path}：{detail}</translation>
    </message>
    <message>
        <source>The settings file {path} does not exist.</source>
        <translation>设置文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>The settings file {path} is larger than {limit} bytes.</source>
        <translation>设置文件 {path} 超过 {limit} 字节。</translation>
    </message>
    <message>
        <source>The settings file {path} is not UTF-8 text.</source>
        <translation>设置文件 {path} 不是 UTF-8 文本。</translation>
    </message>
    <message>
        <source>The settings file {path} is not a JSON object.</source>
        <translation>设置文件 {path} 不是 JSON 对象。</translation>
    </message>
    <message>
        <source>The settings file {path} is not valid JSON (line {line}, column {column}).</source>
        <translation>设置文件 {path} 不是有效的 JSON（第 {line} 行，第 {column} 列）。</translation>
    </message>
    <message>
        <source>The staff number or the credential is not correct.</source>
        <translation>工号或口令不正确。</translation>
    </message>
    <message>
        <source>The two credentials are not the same.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <source>The venue code {venue_code} may hold only letters, digits, '-', '_' and '.' (at most 64).</source>
        <translation>考点代码 {venue_code} 只能包含字母、数字、“-”“_”和“.”（最多 64 个字符）。</translation>
    </message>
    <message>
        <source>The {field} of {member} does not match the signed manifest.</source>
        <translation>{member} 的 {field} 与签名清单不一致。</translation>
    </message>
    <message>
        <source>There is no incident category {category}.</source>
        <translation>没有事件类别 {category}。</translation>
    </message>
    <message>
        <source>There is no room {room} in this venue.</source>
        <translation>本考点没有考场 {room}。</translation>
    </message>
    <message>
        <source>There is no screen called {screen}.</source>
        <translation>没有名为 {screen} 的界面。</translation>
    </message>
    <message>
        <source>These fields cannot be amended: {fields}.</source>
        <translation>以下内容不能补正：{fields}。</translation>
    </message>
    <message>
        <source>This account is locked after repeated failed attempts; try again in {minutes} min.</source>
        <translation>多次输入错误，账号已锁定；请 {minutes} 分钟后再试。</translation>
    </message>
    <message>
        <source>This computer holds no sync credential for venue {venue}; enter the credential the provincial agency issued.</source>
        <translation>本机没有考点 {venue} 的同步凭据，请输入省级考试机构发放的凭据。</translation>
    </message>
    <message>
        <source>This confirmation was already used; confirm again.</source>
        <translation>该确认已经使用过；请重新确认。</translation>
    </message>
    <message>
        <source>This confirmation was given for another action or record; confirm this one again.</source>
        <translation>该确认是为其他操作或记录作出的；请为本操作重新确认。</translation>
    </message>
    <message>
        <source>This credential is one of the most common ones and is guessed first; choose another.</source>
        <translation>此口令属于最常见的口令，最先会被猜中；请另选一个。</translation>
    </message>
    <message>
        <source>This credential was set by someone else. Set your own credential before confirming for others.</source>
        <translation>此口令由他人设置。请先设置您自己的口令，再为他人确认。</translation>
    </message>
    <message>
        <source>This database belongs to venue {venue_code}.</source>
        <translation>此数据库属于考点 {venue_code}。</translation>
    </message>
    <message>
        <source>This database has no chief examiner yet; enrol one.</source>
        <translation>此数据库还没有主考，请先登记一位主考。</translation>
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
        <source>This file is already attached to the incident.</source>
        <translation>该文件已附在此事件上。</translation>
    </message>
    <message>
        <source>This file is not a Venue Ops results export.</source>
        <translation>此文件不是考点考务系统导出的结果文件。</translation>
    </message>
    <message>
        <source>This incident is already confirmed; correct it with an amendment and a reason.</source>
        <translation>该事件已确认；如需更正，请以补正方式并说明理由。</translation>
    </message>
    <message>
        <source>This incident is already marked as reported.</source>
        <translation>该事件已标记为已上报。</translation>
    </message>
    <message>
        <source>This is not a sync credential issued by the province.</source>
        <translation>这不是省级机构发放的同步凭据。</translation>
    </message>
    <message>
        <source>This is not a venue data-key text.</source>
        <translation>这不是考点数据密钥文本。</translation>
    </message>
    <message>
        <source>This needs a staff member's credential: give your staff number with --staff and your credential.</source>
        <translation>此操作需要工作人员的口令：请用 --staff 给出您的工号，并输入您的口令。</translation>
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
        <source>This recording must be kept until {until} ({days} more days); it cannot be deleted.</source>
        <translation>该录像须保存至 {until}（还需 {days} 天），不能删除。</translation>
    </message>
    <message>
        <source>This recording segment is not in the index.</source>
        <translation>该录像片段不在索引中。</translation>
    </message>
    <message>
        <source>This sign-in has ended: the account was deactivated or its credential was reset. Sign in again.</source>
        <translation>本次登录已失效：该账号已被停用或其口令已被重置。请重新登录。</translation>
    </message>
    <message>
        <source>This sitting is not in the exam package of this venue.</source>
        <translation>本考点的考试数据包中没有该场次。</translation>
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
        <source>Two devices are called {name}.</source>
        <translation>有两台设备都叫 {name}。</translation>
    </message>
    <message>
        <source>Two devices in {source} are called {name}.</source>
        <translation>{source} 中有两个设备都叫 {name}。</translation>
    </message>
    <message>
        <source>Type at least two characters of the name.</source>
        <translation>请至少输入姓名中的两个字。</translation>
    </message>
    <message>
        <source>Unknown setting {key} in {source}.</source>
        <translation>{source} 中有未知设置项 {key}。</translation>
    </message>
    <message>
        <source>Venue Ops may not use {place} ({detail}). Give this user access to it, or choose another folder in the settings.</source>
        <translation>考点考务系统无法使用 {place}（{detail}）。请给当前用户访问权限，或在设置中选择另一个文件夹。</translation>
    </message>
    <message>
        <source>Venue Ops may not use {place}: the disk is read-only. Use a writable disk, or choose another folder in the settings.</source>
        <translation>考点考务系统无法使用 {place}：该磁盘是只读的。请使用可写的磁盘，或在设置中选择另一个文件夹。</translation>
    </message>
    <message>
        <source>Venue Ops may not use {place}: this user has no permission for it. Give this user access to it, or choose another folder in the settings.</source>
        <translation>考点考务系统无法使用 {place}：当前用户没有权限。请给当前用户访问权限，或在设置中选择另一个文件夹。</translation>
    </message>
    <message>
        <source>What was presented no longer points to the candidate that was checked; present the ticket and the card again.</source>
        <translation>所出示的证件或准考证已不再对应刚才核验的考生；请重新出示准考证和证件。</translation>
    </message>
    <message>
        <source>Write down the action taken before confirming.</source>
        <translation>请先填写处理措施再确认。</translation>
    </message>
    <message>
        <source>Write down the facts before confirming.</source>
        <translation>请先填写事实经过再确认。</translation>
    </message>
    <message>
        <source>Write down why: a manual entry and an admission after a check keep their reason.</source>
        <translation>请填写原因：手工输入和核查后放行都须记录原因。</translation>
    </message>
    <message>
        <source>You cannot deactivate your own account.</source>
        <translation>不能停用自己的账号。</translation>
    </message>
    <message>
        <source>You have already signed this room record.</source>
        <translation>您已签署过该考场情况记录。</translation>
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
        <source>{count} events match: a PDF holds at most {most}. Narrow the filter, or export them as CSV.</source>
        <translation>符合条件的事件有 {count} 条，PDF 最多容纳 {most} 条。请缩小筛选范围，或导出为 CSV。</translation>
    </message>
    <message>
        <source>{member} holds a number longer than {digits} digits, or one that is not finite; an exam package never does.</source>
        <translation>{member} 含有超过 {digits} 位的数字或非有限数字；考务数据包不会含有这样的数字。</translation>
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
        <source>{member} nests deeper than {limit} levels; an exam package never does.</source>
        <translation>{member} 的嵌套超过 {limit} 层；考务数据包不会这样嵌套。</translation>
    </message>
    <message>
        <source>{member}: {path} breaks the rule '{rule}' ({expected}) in {record}.</source>
        <translation>{member}：{record} 中的 {path} 不符合规则“{rule}”（{expected}）。</translation>
    </message>
    <message>
        <source>{name} is already on duty.</source>
        <translation>{name} 已在岗。</translation>
    </message>
    <message>
        <source>{name} is not on duty.</source>
        <translation>{name} 不在岗。</translation>
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
        <source>{url} is not a database address.</source>
        <translation>{url} 不是数据库地址。</translation>
    </message>
    <message>
        <source>Something went wrong that the program did not expect. The technician's log has the details.</source>
        <translation>程序遇到意外错误。详细信息已记入技术日志。</translation>
    </message>
</context>
<context>
    <name>HandInDialog</name>
    <message>
        <source>Hand-in · room {room}</source>
        <translation>交卷离场 · 第{room}考场</translation>
    </message>
    <message>
        <source>Only for an emergency exit while sealed</source>
        <translation>仅在封闭期间紧急离场时填写</translation>
    </message>
    <message>
        <source>The room is sealed until {time}: only an emergency exit is recorded now.</source>
        <translation>考场封闭至 {time}：现在只能记录紧急离场。</translation>
    </message>
    <message>
        <source>Admission ticket</source>
        <translation>准考证号</translation>
    </message>
    <message>
        <source>Emergency (reason)</source>
        <translation>紧急情况（原因）</translation>
    </message>
</context>
<context>
    <name>HandoverDone</name>
    <message>
        <source>Recorded WITH DISCREPANCY</source>
        <translation>已记录（有差异）</translation>
    </message>
    <message>
        <source>A draft incident was opened for the chief examiner: {lines}</source>
        <translation>已为主考生成异常记录草稿：{lines}</translation>
    </message>
    <message>
        <source>Handover recorded</source>
        <translation>交接已记录</translation>
    </message>
    <message>
        <source>{n} packages handed over, every one as expected.</source>
        <translation>共交接 {n} 件，全部无误。</translation>
    </message>
    <message>
        <source>Print handover form (PDF)</source>
        <translation>打印交接单（PDF）</translation>
    </message>
    <message>
        <source>New handover (F2)</source>
        <translation>新的交接（F2）</translation>
    </message>
</context>
<context>
    <name>HandoverForm</name>
    <message>
        <source>Paper handover form</source>
        <translation>试卷交接单</translation>
    </message>
    <message>
        <source>From</source>
        <translation>交出方</translation>
    </message>
    <message>
        <source>To</source>
        <translation>接收方</translation>
    </message>
    <message>
        <source>Sitting</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Packages</source>
        <translation>交接物品</translation>
    </message>
    <message>
        <source>Confirmed with personal credentials (art. 22(四))</source>
        <translation>交接双方本人凭证确认（第二十二条第（四）项）</translation>
    </message>
    <message>
        <source>Handover id</source>
        <translation>交接编号</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>无差异</translation>
    </message>
    <message>
        <source>with discrepancy</source>
        <translation>有差异</translation>
    </message>
    <message>
        <source>intact</source>
        <translation>完好</translation>
    </message>
    <message>
        <source>broken</source>
        <translation>破损</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>无误</translation>
    </message>
    <message>
        <source>Giving</source>
        <translation>交出</translation>
    </message>
    <message>
        <source>Receiving</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应有数</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>清点数</translation>
    </message>
    <message>
        <source>Seal number</source>
        <translation>封条号</translation>
    </message>
    <message>
        <source>Seal</source>
        <translation>密封</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>核对</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>交接方</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>工作人员编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Confirmed at</source>
        <translation>确认时间</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签字</translation>
    </message>
</context>
<context>
    <name>HandoverRoute</name>
    <message>
        <source>Every sitting</source>
        <translation>全部场次</translation>
    </message>
    <message>
        <source>1 · Where do the papers go?</source>
        <translation>1 · 试卷从哪里交到哪里？</translation>
    </message>
    <message>
        <source>From</source>
        <translation>交出方</translation>
    </message>
    <message>
        <source>To</source>
        <translation>接收方</translation>
    </message>
    <message>
        <source>Sitting</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Next: scan packages</source>
        <translation>下一步：扫描袋件</translation>
    </message>
</context>
<context>
    <name>HandoverWizard</name>
    <message>
        <source>Scan a package barcode (or type it and press Enter)</source>
        <translation>扫描袋件条码（或输入后按回车）</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>考场</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应有数</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>清点数</translation>
    </message>
    <message>
        <source>Seal intact</source>
        <translation>密封完好</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>核对</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Next: confirmations</source>
        <translation>下一步：双方确认</translation>
    </message>
    <message>
        <source>3 · Both sides confirm, each with their own credential</source>
        <translation>3 · 交接双方各自以本人凭证确认</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>工作人员编号</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>凭证</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Record handover</source>
        <translation>记录交接</translation>
    </message>
    <message>
        <source>2 · Scan packages: {src} → {dst}</source>
        <translation>2 · 扫描袋件：{src} → {dst}</translation>
    </message>
    <message>
        <source>{code} is already scanned.</source>
        <translation>{code} 已扫描过。</translation>
    </message>
    <message>
        <source>Scanned {scanned} · expected {expected} · problems {bad}</source>
        <translation>已扫 {scanned} · 应有 {expected} · 问题 {bad}</translation>
    </message>
    <message>
        <source>Scan at least one package first.</source>
        <translation>请先扫描至少一个袋件。</translation>
    </message>
    <message>
        <source>Will be recorded WITH DISCREPANCY: {lines}</source>
        <translation>将按“有差异”记录：{lines}</translation>
    </message>
    <message>
        <source>Every package matches the manifest.</source>
        <translation>所有袋件与清单一致。</translation>
    </message>
    <message>
        <source>Giving: {giving}
Receiving: {receiving}</source>
        <translation>交出方：{giving}
接收方：{receiving}</translation>
    </message>
    <message>
        <source>All four have confirmed. Record the handover.</source>
        <translation>四人均已确认，请记录交接。</translation>
    </message>
    <message>
        <source>Giving staff {n} confirms</source>
        <translation>交出方第 {n} 人确认</translation>
    </message>
    <message>
        <source>Receiving staff {n} confirms</source>
        <translation>接收方第 {n} 人确认</translation>
    </message>
    <message>
        <source>Each confirmation must come from a different staff member.</source>
        <translation>每次确认必须由不同的工作人员完成。</translation>
    </message>
    <message>
        <source>The form could not be written: {detail}</source>
        <translation>交接单无法写入：{detail}</translation>
    </message>
    <message>
        <source>Handover form saved: {path}</source>
        <translation>交接单已保存：{path}</translation>
    </message>
</context>
<context>
    <name>IncidentForm</name>
    <message>
        <source>New incident</source>
        <translation>新建事件</translation>
    </message>
    <message>
        <source>Amend incident</source>
        <translation>补正事件</translation>
    </message>
    <message>
        <source>Complete incident</source>
        <translation>完善事件</translation>
    </message>
    <message>
        <source>Admission tickets, separated by spaces</source>
        <translation>准考证号，以空格分隔</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>考场</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>考生</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>事实经过</translation>
    </message>
    <message>
        <source>Action taken</source>
        <translation>处理措施</translation>
    </message>
    <message>
        <source>Reason for the amendment</source>
        <translation>补正理由</translation>
    </message>
</context>
<context>
    <name>IncidentLog</name>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source> · amended</source>
        <translation> · 已补正</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
</context>
<context>
    <name>IncidentLogScreen</name>
    <message>
        <source>REPORT NOW</source>
        <translation>立即上报</translation>
    </message>
    <message>
        <source>REPORT NOW · room {room} · {category} · {since} since it happened</source>
        <translation>立即上报 · {room}考场 · {category} · 发生后已过 {since}</translation>
    </message>
    <message>
        <source>No incidents recorded.</source>
        <translation>暂无事件记录。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Sitting / room</source>
        <translation>场次 / 考场</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>事实经过</translation>
    </message>
    <message>
        <source>Action taken</source>
        <translation>处理措施</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Confirmed by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>上报</translation>
    </message>
    <message>
        <source>{at} by {via} to {to}</source>
        <translation>{at} 通过{via}报{to}</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>尚未上报</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Amendments</source>
        <translation>补正记录</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>已签字</translation>
    </message>
    <message>
        <source>refused to sign, witnessed by {names}</source>
        <translation>拒绝签字，见证人：{names}</translation>
    </message>
    <message>
        <source>signature not recorded</source>
        <translation>未记录签字</translation>
    </message>
    <message>
        <source>Incident recorded.</source>
        <translation>事件已记录。</translation>
    </message>
    <message>
        <source>Draft saved.</source>
        <translation>草稿已保存。</translation>
    </message>
    <message>
        <source>Signature recorded.</source>
        <translation>签字已记录。</translation>
    </message>
    <message>
        <source>Refusal to sign recorded with two witnesses.</source>
        <translation>拒签已由两名见证人记录。</translation>
    </message>
    <message>
        <source>Incident confirmed.</source>
        <translation>事件已确认。</translation>
    </message>
    <message>
        <source>Amendment recorded.</source>
        <translation>补正已记录。</translation>
    </message>
    <message>
        <source>Marked as reported.</source>
        <translation>已标记为已上报。</translation>
    </message>
    <message>
        <source>Attach evidence</source>
        <translation>附加证据</translation>
    </message>
    <message>
        <source>Evidence attached.</source>
        <translation>证据已附加。</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>异常记录</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>考场</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>上报</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>考生</translation>
    </message>
    <message>
        <source>F2 Complete draft</source>
        <translation>F2 完善草稿</translation>
    </message>
    <message>
        <source>F3 Signed</source>
        <translation>F3 已签字</translation>
    </message>
    <message>
        <source>F4 Refused to sign</source>
        <translation>F4 拒绝签字</translation>
    </message>
    <message>
        <source>F1 New</source>
        <translation>F1 新建</translation>
    </message>
    <message>
        <source>F6 Confirm</source>
        <translation>F6 确认</translation>
    </message>
    <message>
        <source>F7 Amend</source>
        <translation>F7 补正</translation>
    </message>
    <message>
        <source>F8 Reported</source>
        <translation>F8 已上报</translation>
    </message>
    <message>
        <source>F9 Attach file</source>
        <translation>F9 附加文件</translation>
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
    <name>LogScreen</name>
    <message>
        <source>Nothing in the log at this level.</source>
        <translation>此级别下日志中没有内容。</translation>
    </message>
    <message>
        <source>Export the log for support</source>
        <translation>导出日志供技术支持</translation>
    </message>
    <message>
        <source>{n} log lines saved to {path}, with names, ID, phone and ticket numbers masked.</source>
        <translation>已将 {n} 行日志保存至 {path}，姓名、证件号、电话和准考证号均已遮蔽。</translation>
    </message>
    <message>
        <source>Debug</source>
        <translation>调试</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Program log</source>
        <translation>运行日志</translation>
    </message>
    <message>
        <source>Show from</source>
        <translation>显示级别</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>F5 Read again</source>
        <translation>F5 重新读取</translation>
    </message>
    <message>
        <source>F7 Export for support</source>
        <translation>F7 导出供技术支持</translation>
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
    <name>ManualEntryDialog</name>
    <message>
        <source>Manual entry</source>
        <translation>手工输入</translation>
    </message>
    <message>
        <source>e.g. the ticket's barcode does not scan</source>
        <translation>例如：准考证条码无法识别</translation>
    </message>
    <message>
        <source>Admission ticket number</source>
        <translation>准考证号</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Name on the document</source>
        <translation>证件上的姓名</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <source>Type a ticket number, a document number, or both.</source>
        <translation>请输入准考证号、证件号码，或两者都输入。</translation>
    </message>
    <message>
        <source>Type the name as printed on the document.</source>
        <translation>请按证件上的姓名输入。</translation>
    </message>
    <message>
        <source>Write down why the entry is typed by hand.</source>
        <translation>请填写手工输入的原因。</translation>
    </message>
</context>
<context>
    <name>Misconduct</name>
    <message>
        <source>Art. 6(1) phone or forbidden item at the seat, not corrected after a warning</source>
        <translation>第六条(一) 携带手机等违规物品至座位，经提醒仍不改正</translation>
    </message>
    <message>
        <source>Art. 6(2) identity or exam information not filled in after a warning</source>
        <translation>第六条(二) 经提醒仍不按规定填写身份及考试信息</translation>
    </message>
    <message>
        <source>Art. 6(3) own information or marks outside the allowed places</source>
        <translation>第六条(三) 在规定以外位置标注本人信息或其他特殊标记</translation>
    </message>
    <message>
        <source>Art. 6(4) not in the assigned seat or leaving without permission</source>
        <translation>第六条(四) 未在规定座位参加考试或未经允许离开座位、考场</translation>
    </message>
    <message>
        <source>Art. 6(5) not the required paper and pen, or inconsistent handwriting</source>
        <translation>第六条(五) 未用规定纸笔作答或字迹前后不一致</translation>
    </message>
    <message>
        <source>Art. 6(6) answering before the start or after the end signal</source>
        <translation>第六条(六) 开考信号发出前答题或结束信号发出后继续答题</translation>
    </message>
    <message>
        <source>Art. 6(7) taking papers or answer sheets out of the room</source>
        <translation>第六条(七) 将试卷、答题卡、答题纸带出考场</translation>
    </message>
    <message>
        <source>Art. 6(8) damaging papers, answer sheets or exam computers</source>
        <translation>第六条(八) 故意损坏试卷、答题纸或考试机具</translation>
    </message>
    <message>
        <source>Art. 6(9) not using the exam system as required after a warning</source>
        <translation>第六条(九) 经提醒仍不按规定使用考试系统</translation>
    </message>
    <message>
        <source>Art. 6(10) other</source>
        <translation>第六条(十) 其他</translation>
    </message>
    <message>
        <source>Art. 7(1) copying or helping others copy</source>
        <translation>第七条(一) 抄袭或协助他人抄袭</translation>
    </message>
    <message>
        <source>Art. 7(2) passing papers, answer sheets or scratch paper</source>
        <translation>第七条(二) 互相传递试卷、答题纸、草稿纸</translation>
    </message>
    <message>
        <source>Art. 7(3) sitting with a forged document</source>
        <translation>第七条(三) 持伪造证件参加考试</translation>
    </message>
    <message>
        <source>Art. 7(4) spreading questions or answers before the end</source>
        <translation>第七条(四) 考试结束前传播试题或答案</translation>
    </message>
    <message>
        <source>Art. 7(5) using a phone or forbidden electronics</source>
        <translation>第七条(五) 使用禁止带入的手机等电子设备</translation>
    </message>
    <message>
        <source>Art. 7(6) other</source>
        <translation>第七条(六) 其他</translation>
    </message>
    <message>
        <source>Art. 8(1) collusion or organised cheating</source>
        <translation>第八条(一) 串通作弊或组织作弊</translation>
    </message>
    <message>
        <source>Art. 8(2) sitting for someone else</source>
        <translation>第八条(二) 代替他人或让他人代替自己参加考试</translation>
    </message>
    <message>
        <source>Art. 8(3) other especially serious case</source>
        <translation>第八条(三) 其他情节特别严重</translation>
    </message>
    <message>
        <source>Art. 9 disturbing order or obstructing staff</source>
        <translation>第九条 扰乱考场秩序或妨碍工作人员</translation>
    </message>
    <message>
        <source>Identity mismatch at check-in</source>
        <translation>入场身份不符</translation>
    </message>
    <message>
        <source>Late candidate refused entry</source>
        <translation>迟到拒绝入场</translation>
    </message>
    <message>
        <source>Candidate fell ill</source>
        <translation>考生突发疾病</translation>
    </message>
    <message>
        <source>Emergency exit while sealed</source>
        <translation>封闭期间紧急离场</translation>
    </message>
    <message>
        <source>Seat change forced by a fault</source>
        <translation>故障导致调换座位</translation>
    </message>
    <message>
        <source>Wrong, missing or extra papers</source>
        <translation>试卷错发、缺少或多出</translation>
    </message>
    <message>
        <source>Seal found broken</source>
        <translation>发现密封破损</translation>
    </message>
    <message>
        <source>Computer, camera or monitoring failure</source>
        <translation>计算机、摄像头或监控故障</translation>
    </message>
    <message>
        <source>Device or material confiscated</source>
        <translation>收缴设备或资料</translation>
    </message>
    <message>
        <source>Power, network or fire emergency</source>
        <translation>停电、断网或火警</translation>
    </message>
    <message>
        <source>Paper custody discrepancy</source>
        <translation>试卷交接不符</translation>
    </message>
    <message>
        <source>Leaked papers</source>
        <translation>试卷泄密</translation>
    </message>
    <message>
        <source>Collusion</source>
        <translation>串通作弊</translation>
    </message>
    <message>
        <source>Mass interruption of the exam</source>
        <translation>大面积考试中断</translation>
    </message>
    <message>
        <source>Batch loss of answer data</source>
        <translation>批量作答数据丢失</translation>
    </message>
    <message>
        <source>Incident damaging public opinion</source>
        <translation>造成不良舆论影响的事件</translation>
    </message>
    <message>
        <source>Other serious problem</source>
        <translation>其他重大问题</translation>
    </message>
    <message>
        <source>Other incident</source>
        <translation>其他事件</translation>
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
    <name>PackageModel</name>
    <message>
        <source>not scanned yet</source>
        <translation>尚未扫描</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>无误</translation>
    </message>
</context>
<context>
    <name>PaperRoomScreen</name>
    <message>
        <source>Secure paper room</source>
        <translation>保密室</translation>
    </message>
    <message>
        <source>On duty</source>
        <translation>值守人员</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>工作人员编号</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>凭证</translation>
    </message>
    <message>
        <source>Sign on</source>
        <translation>上岗签到</translation>
    </message>
    <message>
        <source>Sign off</source>
        <translation>下岗签退</translation>
    </message>
    <message>
        <source>Last {n} min</source>
        <translation>最近 {n} 分钟</translation>
    </message>
    <message>
        <source>Why this video is evidence</source>
        <translation>作为证据的理由</translation>
    </message>
    <message>
        <source>Keep as evidence (2 years)</source>
        <translation>作为证据保存（2年）</translation>
    </message>
    <message>
        <source>Video on disk: no recording rate measured yet</source>
        <translation>磁盘录像：尚未测得录像速率</translation>
    </message>
    <message>
        <source>Video on disk: {days} days at the current rate (90 required)</source>
        <translation>磁盘录像：按当前速率可保存 {days} 天（要求 90 天）</translation>
    </message>
    <message>
        <source>{n} on duty · {items} packages in the room</source>
        <translation>值守 {n} 人 · 室内袋件 {items} 件</translation>
    </message>
    <message>
        <source>{name} · since {since}</source>
        <translation>{name} · {since} 起</translation>
    </message>
    <message>
        <source>Fewer than two on duty since {since}</source>
        <translation>自 {since} 起值守不足两人</translation>
    </message>
    <message>
        <source>The video is kept as evidence for 2 years.</source>
        <translation>该录像已作为证据保存 2 年。</translation>
    </message>
    <message>
        <source>Enter the staff number and the credential.</source>
        <translation>请输入工作人员编号和凭证。</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>import an exam package</source>
        <translation>导入考试数据包</translation>
    </message>
    <message>
        <source>manage staff accounts</source>
        <translation>管理工作人员账号</translation>
    </message>
    <message>
        <source>check candidates in</source>
        <translation>办理考生入场核验</translation>
    </message>
    <message>
        <source>confirm a check-in decision</source>
        <translation>确认入场核验结果</translation>
    </message>
    <message>
        <source>open and close rooms</source>
        <translation>开启和关闭考场</translation>
    </message>
    <message>
        <source>draw the invigilators</source>
        <translation>随机抽取监考人员</translation>
    </message>
    <message>
        <source>record an incident</source>
        <translation>记录考场事件</translation>
    </message>
    <message>
        <source>confirm an incident</source>
        <translation>确认考场事件</translation>
    </message>
    <message>
        <source>sign the room record</source>
        <translation>签署考场记录</translation>
    </message>
    <message>
        <source>hand over exam papers</source>
        <translation>交接试卷</translation>
    </message>
    <message>
        <source>stand duty in the secure paper room</source>
        <translation>在保密室值守</translation>
    </message>
    <message>
        <source>manage the paper room's recordings</source>
        <translation>管理保密室录像</translation>
    </message>
    <message>
        <source>see the control room</source>
        <translation>查看考务指挥室</translation>
    </message>
    <message>
        <source>send results to the provincial server</source>
        <translation>向省级服务器上报结果</translation>
    </message>
    <message>
        <source>back up or restore the database</source>
        <translation>备份或恢复数据库</translation>
    </message>
    <message>
        <source>export results for a USB stick</source>
        <translation>导出结果到U盘</translation>
    </message>
    <message>
        <source>configure the desk's devices</source>
        <translation>配置本工位的设备</translation>
    </message>
    <message>
        <source>read and verify the audit trail</source>
        <translation>查阅并核验审计日志</translation>
    </message>
    <message>
        <source>read the log and export it for support</source>
        <translation>查阅运行日志并导出供技术支持</translation>
    </message>
</context>
<context>
    <name>Phases</name>
    <message>
        <source>Checklist pending</source>
        <translation>待检查</translation>
    </message>
    <message>
        <source>Ready to open</source>
        <translation>待开启</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>已开启</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>考试中</translation>
    </message>
    <message>
        <source>Entry closed</source>
        <translation>停止入场</translation>
    </message>
    <message>
        <source>Hand-in allowed</source>
        <translation>可交卷</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Papers collected</source>
        <translation>已收卷</translation>
    </message>
    <message>
        <source>Record signed</source>
        <translation>记录已签</translation>
    </message>
</context>
<context>
    <name>ProvincePage</name>
    <message>
        <source>Provincial server</source>
        <translation>省级服务器</translation>
    </message>
    <message>
        <source>Where results are sent, and the key the province signs exam packages with.</source>
        <translation>考务结果上报的地址，以及省级机构签署考务数据包所用的公钥。</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>Key id</source>
        <translation>公钥编号</translation>
    </message>
    <message>
        <source>Public key</source>
        <translation>公钥</translation>
    </message>
    <message>
        <source>64 hex digits, or a PEM block</source>
        <translation>64 位十六进制数字，或 PEM 格式</translation>
    </message>
    <message>
        <source>Load the key from a file…</source>
        <translation>从文件读取公钥……</translation>
    </message>
    <message>
        <source>This file does not hold a key.</source>
        <translation>此文件中没有公钥。</translation>
    </message>
</context>
<context>
    <name>ReportForm</name>
    <message>
        <source>Reported</source>
        <translation>已上报</translation>
    </message>
    <message>
        <source>e.g. phone, exam-affairs system</source>
        <translation>如：电话、考务系统</translation>
    </message>
    <message>
        <source>How</source>
        <translation>上报方式</translation>
    </message>
    <message>
        <source>To whom</source>
        <translation>上报对象</translation>
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
    <name>RoomRecord</name>
    <message>
        <source>Emergency exit</source>
        <translation>紧急离场</translation>
    </message>
    <message>
        <source>Handed in</source>
        <translation>交卷</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Exam</source>
        <translation>考试</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>考点</translation>
    </message>
    <message>
        <source>Sitting</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>考场</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>entry closes {entry} · sealed until {sealed}</source>
        <translation>入场截止 {entry} · 封闭至 {sealed}</translation>
    </message>
    <message>
        <source>Checklist signed</source>
        <translation>考前检查签认</translation>
    </message>
    <message>
        <source>Room opened / papers collected</source>
        <translation>开启考场 / 收卷</translation>
    </message>
    <message>
        <source>Invigilators</source>
        <translation>监考</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出勤</translation>
    </message>
    <message>
        <source>expected {expected} · present {present} · absent {absent}</source>
        <translation>应到 {expected} · 实到 {present} · 缺考 {absent}</translation>
    </message>
    <message>
        <source>Room record</source>
        <translation>考场情况记录</translation>
    </message>
    <message>
        <source>Absent candidates</source>
        <translation>缺考考生</translation>
    </message>
    <message>
        <source>Admission ticket</source>
        <translation>准考证号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>座号</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source>Refused entries</source>
        <translation>拒绝入场</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>异常情况</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>考生</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>事实经过</translation>
    </message>
    <message>
        <source>Hand-in and leaving</source>
        <translation>交卷离场</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>签字</translation>
    </message>
    <message>
        <source>Chief examiner</source>
        <translation>主考</translation>
    </message>
</context>
<context>
    <name>RoomRecordScreen</name>
    <message>
        <source>My room records</source>
        <translation>本考场记录</translation>
    </message>
    <message>
        <source>Once the papers of your room are collected, read its record and sign it with your own credential. The chief examiner's office countersigns afterwards.</source>
        <translation>本考场试卷收回后，请核对考场情况记录，并用本人口令签字；随后由主考办公室复签。</translation>
    </message>
    <message>
        <source>Your credential</source>
        <translation>本人口令</translation>
    </message>
    <message>
        <source>Sign the record</source>
        <translation>签字确认</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>保存为 PDF</translation>
    </message>
    <message>
        <source>You are not drawn to a room in today's sittings.</source>
        <translation>今天各场次您未被抽签分配到考场。</translation>
    </message>
    <message>
        <source>Complete: countersigned by the chief examiner's office</source>
        <translation>已完成：主考办公室已复签</translation>
    </message>
    <message>
        <source>You signed at {time}; the chief examiner's office countersigns next</source>
        <translation>您已于 {time} 签字，待主考办公室复签</translation>
    </message>
    <message>
        <source>Papers collected: your signature is needed</source>
        <translation>试卷已收回，需要您签字</translation>
    </message>
    <message>
        <source>Signed after the papers are collected</source>
        <translation>试卷收回后方可签字</translation>
    </message>
    <message>
        <source>Invigilators: {names}</source>
        <translation>监考员：{names}</translation>
    </message>
    <message>
        <source>Opened {opened} · papers collected {collected}</source>
        <translation>开启考场 {opened} · 收卷 {collected}</translation>
    </message>
    <message>
        <source>Expected {e} · present {p} · absent {a}</source>
        <translation>应到 {e} · 实到 {p} · 缺考 {a}</translation>
    </message>
    <message>
        <source>Absent: {names}</source>
        <translation>缺考：{names}</translation>
    </message>
    <message>
        <source>Refused entries: {n} · incidents: {i} · hand-ins and exits: {h}</source>
        <translation>拒绝入场 {n} 人次 · 异常 {i} 起 · 交卷离场 {h} 人</translation>
    </message>
    <message>
        <source>Signatures: {names}</source>
        <translation>签字：{names}</translation>
    </message>
    <message>
        <source>Type your own credential to sign.</source>
        <translation>请输入本人口令后签字。</translation>
    </message>
    <message>
        <source>Room {room}: your signature is on the room record.</source>
        <translation>第{room}考场：您已在考场情况记录上签字。</translation>
    </message>
    <message>
        <source>Room record saved: {path}</source>
        <translation>考场情况记录已保存：{path}</translation>
    </message>
</context>
<context>
    <name>RoomTileWidget</name>
    <message>
        <source>In {admitted}/{expected} · absent {absent}</source>
        <translation>入场 {admitted}/{expected} · 缺考 {absent}</translation>
    </message>
    <message>
        <source>Expected {expected} · admitted {admitted} · absent {absent}</source>
        <translation>应到 {expected} · 已入场 {admitted} · 缺考 {absent}</translation>
    </message>
    <message>
        <source>⚠ {count} to confirm</source>
        <translation>⚠ {count} 待确认</translation>
    </message>
    <message>
        <source>{count} handed in</source>
        <translation>已交卷 {count}</translation>
    </message>
    <message>
        <source>no invigilators drawn</source>
        <translation>未抽取监考</translation>
    </message>
    <message>
        <source>Not opened</source>
        <translation>考场未开启</translation>
    </message>
    <message>
        <source>Starts in {time}</source>
        <translation>距开考 {time}</translation>
    </message>
    <message>
        <source>Entry closes in {time}</source>
        <translation>距入场截止 {time}</translation>
    </message>
    <message>
        <source>Sealed for {time}</source>
        <translation>封闭剩余 {time}</translation>
    </message>
    <message>
        <source>Ends in {time}</source>
        <translation>距结束 {time}</translation>
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
        <source>My room records</source>
        <translation>本考场记录</translation>
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
    <message>
        <source>Program log</source>
        <translation>运行日志</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Find by name</source>
        <translation>按姓名查找</translation>
    </message>
    <message>
        <source>At least two characters of the name</source>
        <translation>至少输入姓名中的两个字</translation>
    </message>
    <message>
        <source>Admission ticket lost</source>
        <translation>准考证遗失</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>room {room} seat {seat}</source>
        <translation>第{room}考场 {seat}号</translation>
    </message>
    <message>
        <source>Nobody of this sitting has that name.</source>
        <translation>本场次没有该姓名的考生。</translation>
    </message>
    <message>
        <source>Pick the candidate from the list.</source>
        <translation>请从列表中选择考生。</translation>
    </message>
    <message>
        <source>Write down why.</source>
        <translation>请填写原因。</translation>
    </message>
</context>
<context>
    <name>SetOwnCredentialPage</name>
    <message>
        <source>Set your own credential</source>
        <translation>请设置您自己的口令</translation>
    </message>
    <message>
        <source>Someone else set the credential you signed in with. Choose your own now: until you do, you cannot confirm or cosign for others.</source>
        <translation>您登录所用的口令由他人设置。请现在设置您自己的口令：设置之前，您不能为他人确认或会签。</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Venue Ops: first-run set-up</source>
        <translation>考点考务：首次运行设置</translation>
    </message>
    <message>
        <source>Setting up the database…</source>
        <translation>正在建立数据库……</translation>
    </message>
</context>
<context>
    <name>SimulatorPanel</name>
    <message>
        <source>Candidates of this door</source>
        <translation>本入口的考生</translation>
    </message>
    <message>
        <source>Candidates of room {room}</source>
        <translation>第{room}考场的考生</translation>
    </message>
    <message>
        <source>Simulated devices (demo)</source>
        <translation>模拟设备（演示）</translation>
    </message>
    <message>
        <source>Own ID card</source>
        <translation>刷本人身份证</translation>
    </message>
    <message>
        <source>Someone else's card</source>
        <translation>刷他人身份证</translation>
    </message>
    <message>
        <source>Expired card</source>
        <translation>刷过期证件</translation>
    </message>
    <message>
        <source>Remove card</source>
        <translation>取走证件</translation>
    </message>
    <message>
        <source>Late (start + 6 min)</source>
        <translation>迟到（开考后6分钟）</translation>
    </message>
    <message>
        <source>Unplug reader</source>
        <translation>拔出读卡器</translation>
    </message>
    <message>
        <source>Plug reader in</source>
        <translation>插回读卡器</translation>
    </message>
    <message>
        <source>Scan ticket</source>
        <translation>扫描准考证</translation>
    </message>
    <message>
        <source>Back to real time</source>
        <translation>恢复实际时间</translation>
    </message>
    <message>
        <source>Pick a candidate, then present their card and scan their ticket in either order.</source>
        <translation>选择一名考生，然后以任意顺序刷其身份证、扫其准考证。</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Venue Ops cannot start</source>
        <translation>考点考务系统无法启动</translation>
    </message>
</context>
<context>
    <name>SyncCLI</name>
    <message>
        <source>Venue {venue} now syncs with {url}.</source>
        <translation>考点 {venue} 现在与 {url} 同步。</translation>
    </message>
    <message>
        <source>The sync credential is stored in this computer's keyring.</source>
        <translation>同步凭据已保存在本机密钥环中。</translation>
    </message>
    <message>
        <source>Waiting to be sent: {pending} ({kinds}). Last success: {last}. Clock skew: {skew}. Last error: {error}.</source>
        <translation>待发送：{pending}（{kinds}）。上次成功：{last}。时钟偏差：{skew}。上次错误：{error}。</translation>
    </message>
    <message>
        <source>Sent {records} records and {files} files; the province verified the audit trail. Not accepted: {refused}. Clock skew: {skew}.</source>
        <translation>已发送 {records} 条记录和 {files} 个文件；省级已核验审计日志。未被接受：{refused}。时钟偏差：{skew}。</translation>
    </message>
    <message>
        <source>Sent {records} records and {files} files, but the province could NOT verify the audit trail. Not accepted: {refused}. Clock skew: {skew}.</source>
        <translation>已发送 {records} 条记录和 {files} 个文件，但省级未能核验审计日志。未被接受：{refused}。时钟偏差：{skew}。</translation>
    </message>
    <message>
        <source>Results written to {path}: {records} records, {files} files (encrypted).</source>
        <translation>结果已写入 {path}：{records} 条记录，{files} 个文件（已加密）。</translation>
    </message>
    <message>
        <source>Exam package revision {rev} downloaded and imported: {candidates} candidates.</source>
        <translation>考试数据包第 {rev} 版已下载并导入：考生 {candidates} 人。</translation>
    </message>
    <message>
        <source>Exam package revision {rev} is already imported; nothing changed.</source>
        <translation>考试数据包第 {rev} 版已导入，无任何变化。</translation>
    </message>
    <message>
        <source>Sync credential: </source>
        <translation>同步凭据：</translation>
    </message>
</context>
<context>
    <name>SyncKinds</name>
    <message>
        <source>Admissions</source>
        <translation>入场记录</translation>
    </message>
    <message>
        <source>Refused entries</source>
        <translation>拒绝入场</translation>
    </message>
    <message>
        <source>Absences</source>
        <translation>缺考</translation>
    </message>
    <message>
        <source>Information changes</source>
        <translation>信息更正</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>考场异常</translation>
    </message>
    <message>
        <source>Evidence files</source>
        <translation>证据文件</translation>
    </message>
    <message>
        <source>Room records</source>
        <translation>考场记录</translation>
    </message>
    <message>
        <source>Custody handovers</source>
        <translation>交接记录</translation>
    </message>
    <message>
        <source>Custody discrepancies</source>
        <translation>交接差异</translation>
    </message>
    <message>
        <source>Duty-log gaps</source>
        <translation>值守空缺</translation>
    </message>
    <message>
        <source>Paper-room evidence</source>
        <translation>保密室证据</translation>
    </message>
    <message>
        <source>Staff assignments</source>
        <translation>人员安排</translation>
    </message>
    <message>
        <source>Audit-trail events</source>
        <translation>审计日志事件</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <source>Sending to the provincial server…</source>
        <translation>正在发送到省级服务器…</translation>
    </message>
    <message>
        <source>Stopping after the current step…</source>
        <translation>当前步骤完成后停止…</translation>
    </message>
    <message>
        <source>Export results for USB</source>
        <translation>导出结果到U盘</translation>
    </message>
    <message>
        <source>Venue results (*.vor)</source>
        <translation>考点结果文件 (*.vor)</translation>
    </message>
    <message>
        <source>Writing the encrypted results file…</source>
        <translation>正在写入加密结果文件…</translation>
    </message>
    <message>
        <source>Downloading the exam package…</source>
        <translation>正在下载考试数据包…</translation>
    </message>
    <message>
        <source>Sent {records} records and {files} files.</source>
        <translation>已发送 {records} 条记录和 {files} 个文件。</translation>
    </message>
    <message>
        <source>The province could NOT verify the audit trail: {problem}</source>
        <translation>省级未能核验审计日志：{problem}</translation>
    </message>
    <message>
        <source>{n} records were not accepted and stay queued.</source>
        <translation>{n} 条记录未被接受，仍在待发送队列中。</translation>
    </message>
    <message>
        <source>Results written to {path}: {records} records, {files} files (encrypted).</source>
        <translation>结果已写入 {path}：{records} 条记录，{files} 个文件（已加密）。</translation>
    </message>
    <message>
        <source>Exam package revision {rev} is already imported; nothing changed.</source>
        <translation>考试数据包第 {rev} 版已导入，无任何变化。</translation>
    </message>
    <message>
        <source>Exam package revision {rev} downloaded and imported.</source>
        <translation>考试数据包第 {rev} 版已下载并导入。</translation>
    </message>
    <message>
        <source>{done} of {total} records · {mb_done} of {mb_total}</source>
        <translation>记录 {done} / {total} · {mb_done} / {mb_total}</translation>
    </message>
    <message>
        <source>Server: {url} · venue {venue}</source>
        <translation>服务器：{url} · 考点 {venue}</translation>
    </message>
    <message>
        <source>Sync is not set up yet (venue-ops sync configure).</source>
        <translation>尚未设置同步（venue-ops sync configure）。</translation>
    </message>
    <message>
        <source>Waiting to be sent: {n} records.</source>
        <translation>待发送：{n} 条记录。</translation>
    </message>
    <message>
        <source>Waiting to be sent: {n} records, {mb} of evidence files.</source>
        <translation>待发送：{n} 条记录，证据文件 {mb}。</translation>
    </message>
    <message>
        <source>Everything recorded so far has been sent.</source>
        <translation>目前记录的内容已全部发送。</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>尚未得知</translation>
    </message>
    <message>
        <source>this PC is {s:.1f} s ahead of the server</source>
        <translation>本机比服务器快 {s:.1f} 秒</translation>
    </message>
    <message>
        <source>this PC is {s:.1f} s behind the server</source>
        <translation>本机比服务器慢 {s:.1f} 秒</translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation>尚未核验</translation>
    </message>
    <message>
        <source>verified by the province</source>
        <translation>省级已核验</translation>
    </message>
    <message>
        <source>NOT verified by the province</source>
        <translation>省级核验未通过</translation>
    </message>
    <message>
        <source>The last attempt failed: {why}. The results stay queued.</source>
        <translation>上次同步失败：{why}。结果仍在待发送队列中。</translation>
    </message>
    <message>
        <source>the server could not be reached</source>
        <translation>无法连接服务器</translation>
    </message>
    <message>
        <source>the server kept failing</source>
        <translation>服务器持续出错</translation>
    </message>
    <message>
        <source>the server refused this venue's credential</source>
        <translation>服务器拒绝了本考点的凭据</translation>
    </message>
    <message>
        <source>the server's certificate is not trusted</source>
        <translation>服务器证书不受信任</translation>
    </message>
    <message>
        <source>it was cancelled</source>
        <translation>已被取消</translation>
    </message>
    <message>
        <source>this computer holds no sync credential</source>
        <translation>本机没有同步凭据</translation>
    </message>
    <message>
        <source>an evidence file is missing on this computer</source>
        <translation>本机缺少证据文件</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待发送</translation>
    </message>
    <message>
        <source>Records %p%</source>
        <translation>记录 %p%</translation>
    </message>
    <message>
        <source>Evidence files %p%</source>
        <translation>证据文件 %p%</translation>
    </message>
    <message>
        <source>Provincial sync</source>
        <translation>数据上报</translation>
    </message>
    <message>
        <source>Last success</source>
        <translation>上次成功</translation>
    </message>
    <message>
        <source>Clock skew</source>
        <translation>时钟偏差</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>F5  Send now</source>
        <translation>F5  立即发送</translation>
    </message>
    <message>
        <source>Esc  Cancel</source>
        <translation>Esc  取消</translation>
    </message>
    <message>
        <source>F6  Export for USB…</source>
        <translation>F6  导出到U盘…</translation>
    </message>
    <message>
        <source>F7  Fetch exam package</source>
        <translation>F7  下载考试数据包</translation>
    </message>
</context>
<context>
    <name>TimerView</name>
    <message>
        <source>No sitting today.</source>
        <translation>今天没有场次。</translation>
    </message>
    <message>
        <source>Room {room}</source>
        <translation>第{room}考场</translation>
    </message>
    <message>
        <source>Starts in {left} (at {start})</source>
        <translation>距开考 {left}（{start} 开考）</translation>
    </message>
    <message>
        <source>Time left {left} (ends {end})</source>
        <translation>距结束 {left}（{end} 结束）</translation>
    </message>
    <message>
        <source>The exam has ended ({end}).</source>
        <translation>考试已结束（{end}）。</translation>
    </message>
    <message>
        <source>Hand-in and leaving are allowed now</source>
        <translation>现在可以交卷离场</translation>
    </message>
    <message>
        <source>Hand-in and leaving from {time}</source>
        <translation>{time} 后方可交卷离场</translation>
    </message>
</context>
<context>
    <name>VenuePage</name>
    <message>
        <source>Venue</source>
        <translation>考点</translation>
    </message>
    <message>
        <source>The venue code is the one in the province's notice and on the exam package.</source>
        <translation>考点代码以省级通知和考务数据包上的为准。</translation>
    </message>
    <message>
        <source>Venue code</source>
        <translation>考点代码</translation>
    </message>
    <message>
        <source>Venue name</source>
        <translation>考点名称</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>This desk's name</source>
        <translation>本检录台名称</translation>
    </message>
    <message>
        <source>e.g. Desk 1 at the east gate</source>
        <translation>如：东门1号检录台</translation>
    </message>
</context>
<context>
    <name>VerdictPanel</name>
    <message>
        <source>Next candidate</source>
        <translation>下一位</translation>
    </message>
    <message>
        <source>Scan the admission ticket or place the identity card on the reader</source>
        <translation>请扫描准考证或将身份证放在读卡器上</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>核验中…</translation>
    </message>
    <message>
        <source>The document belongs to: {name}, ticket {ticket}</source>
        <translation>该证件属于：{name}，准考证号 {ticket}</translation>
    </message>
    <message>
        <source>Registration photo</source>
        <translation>报名照片</translation>
    </message>
    <message>
        <source>Card photo</source>
        <translation>证件照片</translation>
    </message>
    <message>
        <source>No registration photo</source>
        <translation>无报名照片</translation>
    </message>
    <message>
        <source>The chip photo cannot be shown at this desk: compare the face with the registration photo</source>
        <translation>本机无法显示证件芯片照片：请将本人与报名照片比对</translation>
    </message>
    <message>
        <source>The card's chip photo could not be decoded</source>
        <translation>证件芯片照片解码失败</translation>
    </message>
    <message>
        <source>No card read yet</source>
        <translation>尚未读卡</translation>
    </message>
    <message>
        <source>Ticket {ticket}</source>
        <translation>准考证 {ticket}</translation>
    </message>
    <message>
        <source>Room {room}  Seat {seat}</source>
        <translation>第{room}考场　座位 {seat}</translation>
    </message>
    <message>
        <source>No seat in this sitting</source>
        <translation>本场次无座位</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <source>This PC has not been set up yet. The next pages ask for the venue, the provincial server, the database, the devices at this desk and the first chief examiner. Nothing is saved until the last page is done.</source>
        <translation>这台电脑尚未设置。接下来的几页将依次填写考点、省级服务器、数据库、本工位的设备和第一位主考。在最后一页完成之前，不会保存任何内容。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>WitnessForm</name>
    <message>
        <source>Second witness</source>
        <translation>第二见证人</translation>
    </message>
    <message>
        <source>Witness staff number</source>
        <translation>见证人工号</translation>
    </message>
    <message>
        <source>Witness credential</source>
        <translation>见证人口令</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>情况说明</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>My credential</source>
        <translation>我的口令</translation>
    </message>
    <message>
        <source>Change my credential ({key})</source>
        <translation>修改我的口令（{key}）</translation>
    </message>
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