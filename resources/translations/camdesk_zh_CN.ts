<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AgendaModel</name>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Value tier</source>
        <translation>价值等级</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>CalendarFilters</name>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Back (Page Up)</source>
        <translation>上一页 (Page Up)</translation>
    </message>
    <message>
        <source>On (Page Down)</source>
        <translation>下一页 (Page Down)</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>My follow-ups</source>
        <translation>我的回访</translation>
    </message>
    <message>
        <source>Everyone&apos;s</source>
        <translation>所有人的</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>Every type</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Every tier</source>
        <translation>全部等级</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>Done. Next follow-up planned on %1.</source>
        <translation>已完成。下次回访已安排在 %1。</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>已完成。</translation>
    </message>
    <message>
        <source>Skipped.</source>
        <translation>已跳过。</translation>
    </message>
    <message>
        <source>Moved %1 follow-ups to %2.</source>
        <translation>已将 %1 条回访改到 %2。</translation>
    </message>
    <message>
        <source>Export follow-ups to a calendar</source>
        <translation>导出回访到日历</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar 文件 (*.ics)</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n follow-up(s) to %1; open it with Outlook, Thunderbird or Google Calendar.</source>
        <translation>
            <numerusform>已将 %n 条回访写入 %1；可用 Outlook、Thunderbird 或 Google 日历打开。</numerusform>
        </translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation>%1 所在周</translation>
    </message>
    <message>
        <source>MMMM yyyy</source>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <source>%1: %2 follow-ups</source>
        <translation>%1：%2 条回访</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>当天</translation>
    </message>
    <message>
        <source>Overdue (%1)</source>
        <translation>逾期（%1）</translation>
    </message>
    <message>
        <source>Done…</source>
        <translation>完成…</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>改期…</translation>
    </message>
    <message>
        <source>Reassign…</source>
        <translation>转交…</translation>
    </message>
    <message>
        <source>Cancel follow-up</source>
        <translation>取消回访</translation>
    </message>
    <message>
        <source>Open customer</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <source>Care message…</source>
        <translation>关怀消息…</translation>
    </message>
    <message>
        <source>Record the outcome and plan the next one (Ctrl+D)</source>
        <translation>记录结果并安排下一次（Ctrl+D）</translation>
    </message>
    <message>
        <source>Or drag onto a day; Ctrl+Left and Ctrl+Right move by a day, with Shift by a week</source>
        <translation>也可拖到某一天；Ctrl+←/→ 移动一天，加 Shift 移动一周</translation>
    </message>
    <message>
        <source>Plan follow-ups…</source>
        <translation>安排回访…</translation>
    </message>
    <message>
        <source>Export to calendar…</source>
        <translation>导出到日历…</translation>
    </message>
    <message>
        <source>Plan care…</source>
        <translation>安排关怀…</translation>
    </message>
    <message>
        <source>Care tasks for birthdays (lunar ones too) and festivals, a few days ahead on a working day</source>
        <translation>为生日（含农历生日）和节日提前几天、在工作日安排关怀任务</translation>
    </message>
    <message>
        <source>The planned follow-ups shown (the user filter) as an .ics file</source>
        <translation>把当前显示（按用户筛选）的计划回访导出为 .ics 文件</translation>
    </message>
    <message>
        <source>Plan the next return visit for every customer who has none, from each value tier&apos;s interval</source>
        <translation>按各价值等级的回访周期，为还没有回访计划的客户安排下一次回访</translation>
    </message>
</context>
<context>
    <name>CareDialog</name>
    <message>
        <source>Plan care</source>
        <translation>安排关怀</translation>
    </message>
    <message>
        <source>Birthdays in the next</source>
        <translation>未来这些天内的生日</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Festival</source>
        <translation>节日</translation>
    </message>
    <message>
        <source>Every customer</source>
        <translation>所有客户</translation>
    </message>
    <message>
        <source> days before</source>
        <translation> 天前</translation>
    </message>
    <message>
        <source>Due days that fall on a public holiday or a rest day move to the next working day (adjusted working days count), never past the occasion.</source>
        <translation>到期日若落在法定节假日或休息日，顺延到下一个工作日（调休上班日算工作日），但不晚于节日或生日当天。</translation>
    </message>
    <message>
        <source>For</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Plan it</source>
        <translation>提前</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Birthday care</source>
        <translation>生日关怀</translation>
    </message>
    <message>
        <source>%1 greetings</source>
        <translation>%1问候</translation>
    </message>
    <message>
        <source>Planning care…</source>
        <translation>正在安排关怀…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Planned %1 care tasks (%2 had theirs already).</source>
        <translation>已安排 %1 条关怀任务（%2 位客户已有）。</translation>
    </message>
    <message>
        <source>%1 of them fall in a year whose official holidays are not published yet: only weekends were moved; check them when the State Council publishes the calendar.</source>
        <translation>其中 %1 条所在年份的法定节假日尚未公布：只避开了周末；国务院公布放假安排后请再核对。</translation>
    </message>
</context>
<context>
    <name>Channels</name>
    <message>
        <source>Phone call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会面</translation>
    </message>
    <message>
        <source>Online chat</source>
        <translation>在线聊天</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>呼出</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>呼入</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <source>Check the rows</source>
        <translation>检查数据</translation>
    </message>
    <message>
        <source>Fill in what the customer&apos;s file leaves empty</source>
        <translation>只补全客户档案中空着的内容</translation>
    </message>
    <message>
        <source>Overwrite the customer&apos;s file with the row</source>
        <translation>用该行覆盖客户档案</translation>
    </message>
    <message>
        <source>Skip the row</source>
        <translation>跳过这一行</translation>
    </message>
    <message>
        <source>Import it as a new customer</source>
        <translation>作为新客户导入</translation>
    </message>
    <message>
        <source>Create them as users</source>
        <translation>把他们创建为用户</translation>
    </message>
    <message>
        <source>Import those customers without an owner</source>
        <translation>导入这些客户，但不设负责人</translation>
    </message>
    <message>
        <source>Do not import those rows</source>
        <translation>不导入这些行</translation>
    </message>
    <message>
        <source>The survey of answers whose row names none; a name that is not a survey yet makes a new one</source>
        <translation>未注明问卷的答复归入此问卷；输入尚不存在的名称会新建问卷</translation>
    </message>
    <message>
        <source>Create customers that are not found</source>
        <translation>找不到的客户自动创建</translation>
    </message>
    <message>
        <source>Import nothing if any row has a problem</source>
        <translation>只要有一行有问题就全部不导入</translation>
    </message>
    <message>
        <source>Rows matching a customer (code, mobile or email)</source>
        <translation>与已有客户相同（编号、手机或邮箱）的行</translation>
    </message>
    <message>
        <source>Owners who are not users</source>
        <translation>不是用户的负责人</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>问卷</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>正在逐行检查…</translation>
    </message>
    <message numerus="yes">
        <source>Import %n row(s)</source>
        <translation>
            <numerusform>导入 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message numerus="yes">
        <source>Import %n row(s)? Nothing is written until you click the button below.</source>
        <translation>
            <numerusform>导入 %n 行？点击下方按钮之前不会写入任何内容。</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <comment>between names in a list</comment>
        <translation>、</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n row(s))</source>
        <translation>
            <numerusform>%1（%n 行）</numerusform>
        </translation>
    </message>
    <message>
        <source>Owners in the file who are not users: %1</source>
        <translation>文件中尚不是用户的负责人：%1</translation>
    </message>
</context>
<context>
    <name>ChoiceList</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>可选用</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
</context>
<context>
    <name>ChurnDialog</name>
    <message>
        <source>Why did %1 leave?</source>
        <translation>%1 为什么流失？</translation>
    </message>
    <message>
        <source>Churned since %1 (no order for longer than the churn limit).</source>
        <translation>自 %1 起流失（超过流失期限未下单）。</translation>
    </message>
    <message>
        <source>Marks the customer as lost today. Their lifecycle stage still follows their orders.</source>
        <translation>今天标记为流失客户。其生命周期阶段仍按订单计算。</translation>
    </message>
    <message>
        <source>Plan a win-back follow-up (挽回) for their owner</source>
        <translation>为负责人安排挽回回访</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CompleteDialog</name>
    <message>
        <source>Follow-up done: %1</source>
        <translation>完成回访：%1</translation>
    </message>
    <message>
        <source>Outgoing (we contacted them)</source>
        <translation>呼出（我方联系客户）</translation>
    </message>
    <message>
        <source>Incoming (they contacted us)</source>
        <translation>呼入（客户联系我方）</translation>
    </message>
    <message>
        <source>What came of it: interested, ordered, call again in a month…</source>
        <translation>结果如何：有意向、已下单、一个月后再联系……</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Say what came of the contact.</source>
        <translation>请填写这次联系的结果。</translation>
    </message>
</context>
<context>
    <name>ConditionRow</name>
    <message>
        <source>at least</source>
        <translation>至少</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>至多</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source> years</source>
        <translation> 岁</translation>
    </message>
</context>
<context>
    <name>ConditionTable</name>
    <message>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Is</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Add condition</source>
        <translation>添加条件</translation>
    </message>
    <message>
        <source>Remove condition</source>
        <translation>删除条件</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Someone else changed this customer</source>
        <translation>其他人修改了这位客户</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>您的版本</translation>
    </message>
    <message>
        <source>Saved by %1</source>
        <translation>%1 保存的版本</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>自定义字段</translation>
    </message>
    <message>
        <source>Save my version</source>
        <translation>保存我的版本</translation>
    </message>
    <message>
        <source>Use their version</source>
        <translation>采用对方的版本</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>Add contact</source>
        <translation>添加联系人</translation>
    </message>
    <message>
        <source>Remove contact</source>
        <translation>删除联系人</translation>
    </message>
    <message>
        <source>Contact %1: %2</source>
        <translation>联系人 %1：%2</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>Opening the database; an older database is upgraded after a backup copy is made…</source>
        <translation>正在打开数据库；较旧的数据库会先备份，再升级…</translation>
    </message>
    <message>
        <source>This is a new, empty database. Load demo customers to try camdesk out?</source>
        <translation>这是一个新的空数据库。要载入演示客户来试用 camdesk 吗？</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>Creating demo customers…</source>
        <translation>正在生成演示客户…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Counted</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n 岁</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) written to %1.</source>
        <translation>
            <numerusform>已将 %n 位客户写入 %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The companies&apos; %n contact(s) are on the sheet “%1”.</source>
        <translation>
            <numerusform>公司的 %n 位联系人在工作表“%1”中。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The companies&apos; %n contact(s) are in %1.</source>
        <translation>
            <numerusform>公司的 %n 位联系人在 %1 中。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer file(s) have unsaved changes: %1. Discard them?</source>
        <translation>
            <numerusform>%n 份客户档案有未保存的修改：%1。要放弃这些修改吗？</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerFields</name>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Customer code</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Lunar birthday</source>
        <translation>农历生日</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Other phone</source>
        <translation>其他电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <source>Source channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Company size</source>
        <translation>企业规模</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>偏好</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>created</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>CustomerFile</name>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Customer file</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>This file was changed elsewhere since you opened it; saving will show both versions.</source>
        <translation>此档案在您打开后已被他人修改；保存时会显示两个版本供您选择。</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>自定义字段</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>购买记录</translation>
    </message>
    <message>
        <source>Feedback (%1)</source>
        <translation>反馈（%1）</translation>
    </message>
    <message>
        <source>Contact log (%1)</source>
        <translation>联系记录（%1）</translation>
    </message>
    <message>
        <source>History</source>
        <translation>变更历史</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <source>Points (%1)</source>
        <translation>积分（%1）</translation>
    </message>
    <message>
        <source>Please correct the highlighted fields; nothing was saved.</source>
        <translation>请修改标红的字段；尚未保存任何内容。</translation>
    </message>
    <message>
        <source>Showing the version saved by %1.</source>
        <translation>当前显示的是 %1 保存的版本。</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>Days since contact</source>
        <translation>未联系天数</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Value tier</source>
        <translation>价值分层</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <source>RFM segment</source>
        <translation>RFM 分群</translation>
    </message>
    <message>
        <source>Predicted value</source>
        <translation>预测价值</translation>
    </message>
    <message>
        <source>Latest NPS</source>
        <translation>最近 NPS</translation>
    </message>
    <message>
        <source>Latest CSAT</source>
        <translation>最近满意度</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <source>&amp;New customer</source>
        <translation>新建客户(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open customer file</source>
        <translation>打开客户档案(&amp;O)</translation>
    </message>
    <message>
        <source>Open in its own &amp;window</source>
        <translation>在新窗口中打开(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Export this list…</source>
        <translation>导出当前列表(&amp;E)…</translation>
    </message>
    <message>
        <source>Manage &amp;tags…</source>
        <translation>管理标签(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Log a contact…</source>
        <translation>记录联系(&amp;L)…</translation>
    </message>
    <message>
        <source>New &amp;feedback…</source>
        <translation>新建反馈(&amp;F)…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Matches: %1</source>
        <translation>匹配：%1</translation>
    </message>
    <message>
        <source>Customers: %1</source>
        <translation>客户：%1</translation>
    </message>
    <message>
        <source>Custom fields…</source>
        <translation>自定义字段…</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Delete customers</source>
        <translation>删除客户</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n customer file(s)? You can undo this.</source>
        <translation>
            <numerusform>删除 %n 份客户档案？之后可以撤销。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n customer file(s).</source>
        <translation>
            <numerusform>已删除 %n 份客户档案。</numerusform>
        </translation>
    </message>
    <message>
        <source>Undone.</source>
        <translation>已撤销。</translation>
    </message>
</context>
<context>
    <name>DatabaseBanner</name>
    <message>
        <source>Save a recovered copy…</source>
        <translation>保存一份恢复副本…</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>YYYY-MM-DD, e.g. 1988-03-15 or 19880315</source>
        <translation>年-月-日，例如 1988-03-15 或 19880315</translation>
    </message>
    <message>
        <source>Pick a date from the calendar</source>
        <translation>从日历中选择日期</translation>
    </message>
</context>
<context>
    <name>DayDialog</name>
    <message>
        <source>Reschedule</source>
        <translation>改期</translation>
    </message>
    <message>
        <source>Move %1 follow-ups to:</source>
        <translation>将 %1 条回访改到：</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>DemoDialog</name>
    <message>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>%1 customers, %2 orders</source>
        <translation>%1 位客户，%2 笔订单</translation>
    </message>
    <message numerus="yes">
        <source>This database already holds %Ln customer(s). Demo customers are added to them and cannot be told apart afterwards: to try camdesk out, make a new database first (File &gt; New database…).</source>
        <translation>
            <numerusform>该数据库已有 %Ln 位客户。演示客户会加入其中，之后无法区分：如只想试用 camdesk，请先新建一个数据库（文件 &gt; 新建数据库…）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Made-up customers, orders, contacts, follow-ups and feedback, to try camdesk out.</source>
        <translation>虚构的客户、订单、联系人、回访和反馈，用于试用 camdesk。</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
</context>
<context>
    <name>DetailsForm</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日，例如 2024-03-05</translation>
    </message>
    <message>
        <source>Required: fill it in to save the file</source>
        <translation>必填：填写后才能保存档案</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>e.g. 八月十五 or 闰六月初三: care on the lunar birthday</source>
        <translation>例如 八月十五 或 闰六月初三：按农历生日关怀</translation>
    </message>
    <message>
        <source>From the birthday</source>
        <translation>按生日换算</translation>
    </message>
    <message>
        <source>The lunar day the birthday above fell on</source>
        <translation>上面的生日对应的农历日期</translation>
    </message>
    <message>
        <source>Separated by commas or 、, e.g. VIP、老客户</source>
        <translation>用逗号或顿号分隔，例如 VIP、老客户</translation>
    </message>
    <message>
        <source>e.g. 138 1234 5678</source>
        <translation>例如：138 1234 5678</translation>
    </message>
    <message>
        <source>“%1” is not a date: type it as 1988-03-15, 19880315 or 1988/3/15.</source>
        <translation>“%1”不是日期：请写成 1988-03-15、19880315 或 1988/3/15。</translation>
    </message>
</context>
<context>
    <name>Duplicates</name>
    <message>
        <source>same customer code</source>
        <translation>客户编号相同</translation>
    </message>
    <message>
        <source>same mobile</source>
        <translation>手机相同</translation>
    </message>
    <message>
        <source>same email</source>
        <translation>邮箱相同</translation>
    </message>
    <message>
        <source>same phone</source>
        <translation>电话相同</translation>
    </message>
    <message>
        <source>alike names, same company</source>
        <translation>名字相近，公司相同</translation>
    </message>
    <message>
        <source>alike names, same city</source>
        <translation>名字相近，城市相同</translation>
    </message>
    <message>
        <source>names that sound alike, mobiles one digit apart</source>
        <translation>姓名同音，手机号只差一位</translation>
    </message>
    <message>
        <source>names that sound alike, same birthday</source>
        <translation>姓名同音，生日相同</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>建档日期</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名/名称</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>偏好</translation>
    </message>
    <message>
        <source>Find duplicates</source>
        <translation>查找重复客户</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <source>Undo the merge</source>
        <translation>撤销合并</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>相似度</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Looking for duplicates…</source>
        <translation>正在查找重复客户…</translation>
    </message>
    <message>
        <source>%1 groups of likely duplicates.</source>
        <translation>找到 %1 组可能重复的客户。</translation>
    </message>
    <message>
        <source>Merged %1 customers into one.</source>
        <translation>已将 %1 位客户合并为一位。</translation>
    </message>
    <message>
        <source>The merge was undone.</source>
        <translation>合并已撤销。</translation>
    </message>
    <message>
        <source>Merge customers</source>
        <translation>合并客户</translation>
    </message>
    <message>
        <source>Choose the customer to keep and, for each field, the value it keeps. Contacts, orders, interactions, tags and history of all of them move to it.</source>
        <translation>请选择要保留的客户，并为每个字段选择保留的值。所有客户的联系人、订单、联系记录、标签和变更历史都会归入保留的客户。</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
</context>
<context>
    <name>ExportList</name>
    <message>
        <source>Excel workbook, the columns shown (*.xlsx)</source>
        <translation>Excel 工作簿，仅显示的列 (*.xlsx)</translation>
    </message>
    <message>
        <source>Excel workbook, every field (*.xlsx)</source>
        <translation>Excel 工作簿，全部字段 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8, the columns shown (*.csv)</source>
        <translation>CSV（UTF-8），仅显示的列 (*.csv)</translation>
    </message>
    <message>
        <source>CSV, UTF-8, every field (*.csv)</source>
        <translation>CSV（UTF-8），全部字段 (*.csv)</translation>
    </message>
    <message>
        <source>Export the list</source>
        <translation>导出列表</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>FeedbackFilters</name>
    <message>
        <source>Search: FB number, customer, or words said</source>
        <translation>搜索：FB 编号、客户或反馈内容</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未解决</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>All items</source>
        <translation>全部反馈</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <source>Any type</source>
        <translation>任意类型</translation>
    </message>
    <message>
        <source>Any severity</source>
        <translation>任意紧急程度</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>任意分类</translation>
    </message>
    <message>
        <source>No category</source>
        <translation>未分类</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>任何人</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Not taken on</source>
        <translation>无人处理</translation>
    </message>
</context>
<context>
    <name>FeedbackListModel</name>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应解决时间</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
</context>
<context>
    <name>FeedbackNames</name>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Praise</source>
        <translation>表扬</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>已分派</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Customer informed</source>
        <translation>已告知客户</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
</context>
<context>
    <name>FeedbackPage</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 条反馈</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose an item to see what was said and its steps.</source>
        <translation>选择一条反馈，查看内容和处理步骤。</translation>
    </message>
    <message>
        <source>Category: %1</source>
        <translation>分类：%1</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解决方案</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>处理步骤</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>某人</translation>
    </message>
    <message>
        <source>Open customer file</source>
        <translation>打开客户档案</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Service levels, categories and churn reasons</source>
        <translation>服务时限、分类和流失原因</translation>
    </message>
    <message>
        <source>Surveys…</source>
        <translation>问卷…</translation>
    </message>
    <message>
        <source>What the satisfaction surveys ask</source>
        <translation>满意度问卷的内容</translation>
    </message>
</context>
<context>
    <name>FeedbackSettingsDialog</name>
    <message>
        <source>Feedback settings</source>
        <translation>反馈设置</translation>
    </message>
    <message>
        <source>Hours to resolve new feedback, by its severity: an item not resolved by then is overdue.</source>
        <translation>按紧急程度设定新反馈的解决时限（小时）：到时未解决即为超时。</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>A complaint, or an NPS of 0-6 or a CSAT of 1-2, plans a follow-up for the customer&apos;s owner due within this time.</source>
        <translation>投诉，或 NPS 0-6、CSAT 1-2 的答复，会为客户负责人安排一次在此时间内到期的回访。</translation>
    </message>
    <message>
        <source>Follow up complaints and unhappy answers within</source>
        <translation>投诉和不满意答复的回访时限</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>never</source>
        <translation>不回访</translation>
    </message>
    <message>
        <source>Ask about satisfaction after a complaint is resolved</source>
        <translation>投诉解决后多久回访满意度</translation>
    </message>
    <message>
        <source>Service levels</source>
        <translation>服务时限</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Churn reasons</source>
        <translation>流失原因</translation>
    </message>
</context>
<context>
    <name>FeedbackTab</name>
    <message>
        <source>New feedback…</source>
        <translation>新建反馈…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>Survey answers…</source>
        <translation>问卷答复…</translation>
    </message>
    <message>
        <source>Record what the customer answered to a satisfaction survey</source>
        <translation>记录客户对满意度问卷的答复</translation>
    </message>
    <message>
        <source>Latest NPS %1 (%2)</source>
        <translation>最近 NPS %1（%2）</translation>
    </message>
    <message>
        <source>latest CSAT %1 (%2)</source>
        <translation>最近 CSAT %1（%2）</translation>
    </message>
    <message>
        <source>No survey answers yet</source>
        <translation>尚无问卷答复</translation>
    </message>
    <message>
        <source>churned since %1: why is not recorded yet</source>
        <translation>自 %1 起流失：尚未记录原因</translation>
    </message>
    <message>
        <source>left on %1: %2</source>
        <translation>%1 流失：%2</translation>
    </message>
    <message>
        <source>Open: %1 · overdue: %2 · in all: %3</source>
        <translation>未解决 %1 · 已超时 %2 · 共 %3</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应解决时间</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Overdue: past its service level</source>
        <translation>已超时：超过服务时限</translation>
    </message>
    <message>
        <source>Why did they leave?…</source>
        <translation>流失原因…</translation>
    </message>
    <message>
        <source>Mark as lost…</source>
        <translation>标记为流失…</translation>
    </message>
</context>
<context>
    <name>FieldFilter</name>
    <message>
        <source>Custom field…</source>
        <translation>自定义字段…</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
</context>
<context>
    <name>FieldsDialog</name>
    <message>
        <source>Custom fields</source>
        <translation>自定义字段</translation>
    </message>
    <message>
        <source>New field</source>
        <translation>新建字段</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Retire…</source>
        <translation>停用…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>One choice per line</source>
        <translation>每行一个选项</translation>
    </message>
    <message>
        <source>One choice per line. Edit a choice on its line to rename it: the files holding it are renamed with it.</source>
        <translation>每行一个选项。在原来那一行修改选项即为重命名：填写了该选项的客户档案会一并改名。</translation>
    </message>
    <message>
        <source>Required when a file is saved</source>
        <translation>保存档案时必填</translation>
    </message>
    <message>
        <source>Found by the search box</source>
        <translation>可被搜索框搜到</translation>
    </message>
    <message>
        <source>Shown as a column of the customer list</source>
        <translation>在客户列表中显示为一列</translation>
    </message>
    <message>
        <source>Save field</source>
        <translation>保存字段</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>searchable</source>
        <translation>可搜索</translation>
    </message>
    <message>
        <source>Retire field</source>
        <translation>停用字段</translation>
    </message>
    <message>
        <source>Retire %1? The files stop showing it and the list stops filtering and searching it. Its values are kept.</source>
        <translation>停用“%1”？档案将不再显示它，列表也不再按它筛选和搜索。已填的值会保留。</translation>
    </message>
    <message numerus="yes">
        <source>Renamed a choice of %1 in %n customer file(s).</source>
        <translation>
            <numerusform>已在 %n 份客户档案中重命名“%1”的选项。</numerusform>
        </translation>
    </message>
    <message>
        <source>The list&apos;s Undo takes it back.</source>
        <translation>可用客户列表的“撤销”恢复。</translation>
    </message>
    <message>
        <source>Updating the search for %1…</source>
        <translation>正在更新“%1”的搜索…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
</context>
<context>
    <name>FileDialog</name>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>%1 file</source>
        <translation>%1 文件</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>Excel (.xlsx, .xls) or CSV; exports from Zoho CRM and FxiaoKe work as they are.</source>
        <translation>Excel（.xlsx、.xls）或 CSV；Zoho CRM 和纷享销客导出的文件可直接使用。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Contacts of companies</source>
        <translation>企业客户的联系人</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <source>Survey answers</source>
        <translation>问卷答复</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>It holds</source>
        <translation>内容是</translation>
    </message>
    <message>
        <source>Import from</source>
        <translation>从文件导入</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.ods *.csv *.txt);;All files (*)</source>
        <translation>表格文件 (*.xlsx *.xls *.ods *.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>%1 rows, %2 columns (header in row %3).</source>
        <translation>%1 行，%2 列（表头在第 %3 行）。</translation>
    </message>
</context>
<context>
    <name>FilePane</name>
    <message>
        <source>Discard changes?</source>
        <translation>放弃修改？</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>“%1” has unsaved changes. Save them before closing?</source>
        <translation>“%1”有未保存的修改。关闭前要保存吗？</translation>
    </message>
    <message>
        <source>Open this file in its own window</source>
        <translation>在单独的窗口中打开此档案</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search name, pinyin, initials, phone, email, company or code</source>
        <translation>搜索姓名、拼音、首字母、电话、邮箱、公司或编号</translation>
    </message>
    <message>
        <source>Predicted value</source>
        <translation>预测价值</translation>
    </message>
    <message>
        <source>from any</source>
        <translation>最低不限</translation>
    </message>
    <message>
        <source>to any</source>
        <translation>最高不限</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>People</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分配负责人</translation>
    </message>
    <message>
        <source>All cities</source>
        <translation>全部城市</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部价值分层</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>全部生命周期</translation>
    </message>
    <message>
        <source>All RFM segments</source>
        <translation>全部 RFM 分群</translation>
    </message>
    <message>
        <source>Also: %1</source>
        <translation>另加条件：%1</translation>
    </message>
</context>
<context>
    <name>FollowUps</name>
    <message>
        <source>Return visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Care</source>
        <translation>关怀</translation>
    </message>
    <message>
        <source>Wake-up</source>
        <translation>唤醒</translation>
    </message>
    <message>
        <source>Win-back</source>
        <translation>挽回</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Row %1, %2: a note will be added: %3</source>
        <translation>第 %1 行，%2：将添加一条备注：%3</translation>
    </message>
    <message>
        <source>Row %1, %2: a note was added: %3</source>
        <translation>第 %1 行，%2：已添加一条备注：%3</translation>
    </message>
    <message>
        <source>Row %1, %2: %3 will change: %4 → %5</source>
        <translation>第 %1 行，%2：%3 将改为：%4 → %5</translation>
    </message>
    <message>
        <source>Row %1, %2: %3 changed: %4 → %5</source>
        <translation>第 %1 行，%2：%3 已改为：%4 → %5</translation>
    </message>
    <message>
        <source>Row %1, %2: %3</source>
        <translation>第 %1 行，%2：%3</translation>
    </message>
    <message>
        <source>Row %1: %3</source>
        <translation>第 %1 行：%3</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>%1 rows: %2 new, %3 to update, %4 skipped, %5 refused.</source>
        <translation>共 %1 行：新建 %2，更新 %3，跳过 %4，拒绝 %5。</translation>
    </message>
    <message>
        <source>Done. %1 rows: %2 new, %3 updated, %6 unchanged, %4 skipped, %5 refused.</source>
        <translation>完成。共 %1 行：新建 %2，更新 %3，未变 %6，跳过 %4，拒绝 %5。</translation>
    </message>
    <message>
        <source>Nothing was imported: %5 of %1 rows have problems.</source>
        <translation>没有导入任何数据：%1 行中有 %5 行存在问题。</translation>
    </message>
    <message>
        <source>%1 values that cannot be stored are left out (listed below).</source>
        <translation>%1 个无法保存的值未导入（见下方列表）。</translation>
    </message>
    <message>
        <source>%1 customers created.</source>
        <translation>新建客户 %1 个。</translation>
    </message>
    <message>
        <source>… and %1 more.</source>
        <translation>…… 还有 %1 条。</translation>
    </message>
</context>
<context>
    <name>ImportsDialog</name>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Contact log</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <source>Survey answers</source>
        <translation>问卷答复</translation>
    </message>
    <message>
        <source>Imports</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>With problems</source>
        <translation>有问题</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Undo this import…</source>
        <translation>撤销这次导入…</translation>
    </message>
    <message>
        <source>%1 (undone)</source>
        <translation>%1（已撤销）</translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <source>Undo the import of %1? Customers it created go back to the deleted ones, and the fields it changed get their old values, except where someone changed them since.</source>
        <translation>撤销“%1”的导入？它新建的客户将回到已删除状态，它改过的字段恢复原值；之后有人改过的地方保持不变。</translation>
    </message>
    <message>
        <source>Undoing the import…</source>
        <translation>正在撤销导入…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message numerus="yes">
        <source>The import is undone, except %n change(s) made since, kept as they are:</source>
        <translation>
            <numerusform>导入已撤销，但之后做出的 %n 处修改保持不变：</numerusform>
        </translation>
    </message>
    <message>
        <source>The import is undone entirely.</source>
        <translation>导入已全部撤销。</translation>
    </message>
</context>
<context>
    <name>LogDialog</name>
    <message>
        <source>Add a note: %1</source>
        <translation>添加备注：%1</translation>
    </message>
    <message>
        <source>Log a contact: %1</source>
        <translation>记录联系：%1</translation>
    </message>
    <message>
        <source>What it was about, e.g. 回访满意度</source>
        <translation>联系内容，例如 回访满意度</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>The note</source>
        <translation>备注内容</translation>
    </message>
    <message>
        <source>What came of it</source>
        <translation>联系结果</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>camdesk — %1</source>
        <translation>camdesk — %1</translation>
    </message>
    <message>
        <source>%1 due today or overdue</source>
        <translation>今天到期或已逾期 %1 条</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import from Excel or CSV…</source>
        <translation>从 Excel 或 CSV 导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Import &amp;history…</source>
        <translation>导入记录(&amp;H)…</translation>
    </message>
    <message>
        <source>Load &amp;demo data…</source>
        <translation>载入演示数据(&amp;D)…</translation>
    </message>
    <message>
        <source>Custom &amp;fields…</source>
        <translation>自定义字段(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About camdesk</source>
        <translation>关于 camdesk(&amp;A)</translation>
    </message>
    <message>
        <source>Local file</source>
        <translation>本地文件</translation>
    </message>
    <message>
        <source>Shared file (network)</source>
        <translation>共享文件（网络）</translation>
    </message>
    <message>
        <source>PostgreSQL server</source>
        <translation>PostgreSQL 服务器</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>Customers: %1</source>
        <translation>客户：%1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>New camdesk database</source>
        <translation>新建 camdesk 数据库</translation>
    </message>
    <message>
        <source>camdesk databases (*.db)</source>
        <translation>camdesk 数据库 (*.db)</translation>
    </message>
    <message>
        <source>Open camdesk database</source>
        <translation>打开 camdesk 数据库</translation>
    </message>
    <message>
        <source>camdesk databases (*.db);;All files (*)</source>
        <translation>camdesk 数据库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>About camdesk</source>
        <translation>关于 camdesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;camdesk %1&lt;/h3&gt;&lt;p&gt;Customer-asset management for small businesses: customer files, value tiers, follow-ups.&lt;/p&gt;&lt;p&gt;Your data folder: %2&lt;/p&gt;&lt;p&gt;Free software under the GNU GPL v3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;camdesk %1&lt;/h3&gt;&lt;p&gt;面向小企业的客户资产管理：客户档案、价值分层、客户回访。&lt;/p&gt;&lt;p&gt;您的数据文件夹：%2&lt;/p&gt;&lt;p&gt;自由软件，以 GNU GPL 第 3 版或更高版本发布。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Match the columns</source>
        <translation>对应列</translation>
    </message>
    <message>
        <source>Columns are matched by their headers; change any that is wrong. A column with no field of its own becomes a new field; columns left on “Do not import” are ignored.</source>
        <translation>已按表头自动对应各列，如有不对请修改。没有对应字段的列将新建为字段；设为“不导入”的列将被忽略。</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Sample values</source>
        <translation>示例数据</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Do not import (the other program&apos;s record keeping)</source>
        <translation>不导入（原系统的记录信息）</translation>
    </message>
    <message>
        <source>Who created or changed the record and when, as the program it comes from keeps it: not customer data.</source>
        <translation>原系统记录的创建人、修改人和时间，不是客户资料。</translation>
    </message>
    <message>
        <source>Do not import</source>
        <translation>不导入</translation>
    </message>
    <message>
        <source>New field “%1”</source>
        <translation>新建字段“%1”</translation>
    </message>
</context>
<context>
    <name>MessageDialog</name>
    <message>
        <source>Care message: %1</source>
        <translation>关怀消息：%1</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Festival</source>
        <translation>节日</translation>
    </message>
    <message>
        <source>Return visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Wake-up</source>
        <translation>唤醒</translation>
    </message>
    <message>
        <source>Placeholders: {name}, {honorific} (王先生 / 王女士), {company}, {holiday}</source>
        <translation>占位符：{name} 姓名，{honorific} 称呼（王先生 / 王女士），{company} 公司，{holiday} 节日</translation>
    </message>
    <message>
        <source>Copy and log as sent</source>
        <translation>复制并记为已发送</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>节日/场合</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>模板内容</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Send by</source>
        <translation>发送方式</translation>
    </message>
    <message>
        <source>Copied the message and logged it as sent; paste it into the chat.</source>
        <translation>消息已复制并记为已发送；请粘贴到聊天窗口。</translation>
    </message>
</context>
<context>
    <name>NewFeedbackDialog</name>
    <message>
        <source>New feedback: %1</source>
        <translation>新建反馈：%1</translation>
    </message>
    <message>
        <source>%1 (resolve within %2 h)</source>
        <translation>%1（%2 小时内解决）</translation>
    </message>
    <message>
        <source>What the customer said, in their words</source>
        <translation>客户的原话</translation>
    </message>
    <message>
        <source>(nobody yet)</source>
        <translation>（暂不分派）</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Assign to</source>
        <translation>分派给</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <source>Edit order</source>
        <translation>编辑订单</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>新订单</translation>
    </message>
    <message>
        <source>Unknown (then so is the margin)</source>
        <translation>未知（毛利也随之未知）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>品类</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Cost: “%1” is not an amount of money.</source>
        <translation>成本：“%1”不是金额。</translation>
    </message>
</context>
<context>
    <name>ParetoChart</name>
    <message>
        <source>Paying customers, best first (%)</source>
        <translation>付费客户，按贡献从高到低（%）</translation>
    </message>
    <message>
        <source>Share of revenue (%)</source>
        <translation>收入占比（%）</translation>
    </message>
    <message>
        <source>Best %1% of paying customers: %2% of revenue (class %3)</source>
        <translation>消费最高的 %1% 付费客户：贡献 %2% 的收入（%3 类）</translation>
    </message>
</context>
<context>
    <name>PlanFollowUps</name>
    <message>
        <source>Every customer already has a follow-up planned; nothing new was planned.</source>
        <translation>每位客户都已有回访计划，没有新增。</translation>
    </message>
    <message>
        <source>Planned %1 follow-ups: %2 return visits, %3 wake-up calls, %4 win-backs.</source>
        <translation>已安排 %1 条回访：定期回访 %2 条，唤醒 %3 条，挽回 %4 条。</translation>
    </message>
    <message>
        <source>Plan follow-ups</source>
        <translation>安排回访</translation>
    </message>
    <message>
        <source>Plan the next follow-up for every customer who has none planned?

Return visits are due one value tier&apos;s interval after the last contact (today at the earliest); silent customers get a wake-up call and churned ones a win-back. Customers who have a follow-up planned are left as they are.</source>
        <translation>为所有还没有回访计划的客户安排下一次回访？

定期回访安排在上次联系之后一个价值等级周期（最早为今天）；沉睡客户安排唤醒，流失客户安排挽回。已有回访计划的客户保持不变。</translation>
    </message>
    <message>
        <source>Planning follow-ups…</source>
        <translation>正在安排回访…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Planning cancelled; nothing was planned.</source>
        <translation>已取消安排，没有新增任何回访。</translation>
    </message>
</context>
<context>
    <name>PointsDialog</name>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Balance: %1</source>
        <translation>当前余额：%1</translation>
    </message>
    <message>
        <source>Redeem points</source>
        <translation>兑换积分</translation>
    </message>
    <message>
        <source>What for (optional), e.g. gift, voucher</source>
        <translation>兑换内容（可选），如礼品、代金券</translation>
    </message>
    <message>
        <source>Adjust points</source>
        <translation>调整积分</translation>
    </message>
    <message>
        <source>A negative number takes points off.</source>
        <translation>输入负数表示扣减积分。</translation>
    </message>
    <message>
        <source>Why (required), e.g. birthday gift, correction</source>
        <translation>原因（必填），如生日赠送、更正</translation>
    </message>
</context>
<context>
    <name>PointsTab</name>
    <message>
        <source>Redeem…</source>
        <translation>兑换…</translation>
    </message>
    <message>
        <source>Adjust…</source>
        <translation>调整…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Balance: %1 points&lt;/b&gt;</source>
        <translation>&lt;b&gt;积分余额：%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Earned on an order</source>
        <translation>消费获得</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>兑换</translation>
    </message>
    <message>
        <source>Adjusted</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>%1 (order deleted: not counted)</source>
        <translation>%1（订单已删除，不计入）</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
</context>
<context>
    <name>PurchasesTab</name>
    <message>
        <source>Add order…</source>
        <translation>添加订单…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>No purchases yet.</source>
        <translation>暂无购买记录。</translation>
    </message>
    <message>
        <source>margin unknown (no order has a cost)</source>
        <translation>毛利未知（没有订单填写成本）</translation>
    </message>
    <message numerus="yes">
        <source>margin %1 (of the %n order(s) with a cost)</source>
        <translation>
            <numerusform>毛利 %1（按 %n 笔有成本的订单）</numerusform>
        </translation>
    </message>
    <message>
        <source>margin %1</source>
        <translation>毛利 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s), total %1, %2, first %3, last %4</source>
        <translation>
            <numerusform>%n 笔订单，合计 %1，%2，首单 %3，末单 %4</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Computer</source>
        <translation>计算机</translation>
    </message>
</context>
<context>
    <name>Quality</name>
    <message>
        <source>no mobile, phone or email</source>
        <translation>没有手机、电话或邮箱</translation>
    </message>
    <message>
        <source>mobile {value}: {reason}</source>
        <translation>手机 {value}：{reason}</translation>
    </message>
    <message>
        <source>phone {value}: {reason}</source>
        <translation>电话 {value}：{reason}</translation>
    </message>
    <message>
        <source>email {value}: {reason}</source>
        <translation>邮箱 {value}：{reason}</translation>
    </message>
    <message>
        <source>{digits} digits, where a mainland mobile has 11</source>
        <translation>{digits} 位数字，大陆手机号应为 11 位</translation>
    </message>
    <message>
        <source>no network gives out numbers like it</source>
        <translation>没有运营商使用这样的号段</translation>
    </message>
    <message>
        <source>not a phone number</source>
        <translation>不是电话号码</translation>
    </message>
    <message>
        <source>no @ in it</source>
        <translation>缺少 @</translation>
    </message>
    <message>
        <source>not an address mail can reach</source>
        <translation>不是能收到邮件的地址</translation>
    </message>
    <message>
        <source>no city</source>
        <translation>没有城市</translation>
    </message>
    <message>
        <source>name missing (the code, phone or email stands in)</source>
        <translation>缺少姓名（暂以编号、电话或邮箱代替）</translation>
    </message>
    <message>
        <source>{label}: required, but empty</source>
        <translation>{label}：必填，但为空</translation>
    </message>
</context>
<context>
    <name>QualityPage</name>
    <message>
        <source>Check data quality</source>
        <translation>检查数据质量</translation>
    </message>
    <message>
        <source>Standardise stored values</source>
        <translation>规范已有数据</translation>
    </message>
    <message>
        <source>Phones to one form, emails in lower case, provinces and cities by their short names; names and other text stay as they were typed. Can be undone.</source>
        <translation>电话统一格式，邮箱改为小写，省份和城市用简称；姓名等文字保持录入时的样子。可以撤销。</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Keep as it is</source>
        <translation>保持现状</translation>
    </message>
    <message>
        <source>Stop listing what imports left out of the selected file.</source>
        <translation>不再列出导入时从所选档案中略去的值。</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>需要处理</translation>
    </message>
    <message>
        <source>Checking every customer file…</source>
        <translation>正在检查所有客户档案…</translation>
    </message>
    <message>
        <source>%1 customer files need attention. Double-click one to fix it.</source>
        <translation>有 %1 份客户档案需要处理。双击即可修改。</translation>
    </message>
    <message>
        <source>%1 left out by an import: %2</source>
        <translation>导入时略去了%1：%2</translation>
    </message>
    <message>
        <source>Standardising…</source>
        <translation>正在规范…</translation>
    </message>
    <message>
        <source>%1 customer files standardised.</source>
        <translation>已规范 %1 份客户档案。</translation>
    </message>
    <message>
        <source>Undone.</source>
        <translation>已撤销。</translation>
    </message>
</context>
<context>
    <name>Recover</name>
    <message>
        <source>Save a recovered copy</source>
        <translation>保存恢复副本</translation>
    </message>
    <message>
        <source>camdesk databases (*.db)</source>
        <translation>camdesk 数据库 (*.db)</translation>
    </message>
    <message>
        <source>Choose a new file for the copy.</source>
        <translation>请为副本选择一个新文件。</translation>
    </message>
    <message>
        <source>Copying every row that can be read…</source>
        <translation>正在复制所有能读出的记录…</translation>
    </message>
    <message>
        <source>Every row could be read: %1 customers were copied to %2.</source>
        <translation>所有记录都能读出：已把 %1 位客户复制到 %2。</translation>
    </message>
    <message>
        <source>%1 customers were copied to %2; some rows could not be read and are missing from the copy (the damaged file is kept as it was).</source>
        <translation>已把 %1 位客户复制到 %2；有些记录无法读出，副本中缺少它们（损坏的文件保持原样）。</translation>
    </message>
    <message>
        <source>Recovered copy</source>
        <translation>恢复副本</translation>
    </message>
    <message>
        <source>Open the copy now?</source>
        <translation>现在打开这份副本吗？</translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message>
        <source>Open customer</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <source>Snooze 10 minutes</source>
        <translation>10 分钟后提醒</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Follow-up due</source>
        <translation>回访到期</translation>
    </message>
    <message>
        <source>Follow-up due: %1</source>
        <translation>回访到期：%1</translation>
    </message>
</context>
<context>
    <name>ResponseDialog</name>
    <message>
        <source>Survey answers: %1</source>
        <translation>问卷答复：%1</translation>
    </message>
    <message>
        <source>5 · very satisfied</source>
        <translation>5 · 非常满意</translation>
    </message>
    <message>
        <source>4 · satisfied</source>
        <translation>4 · 满意</translation>
    </message>
    <message>
        <source>3 · neutral</source>
        <translation>3 · 一般</translation>
    </message>
    <message>
        <source>2 · dissatisfied</source>
        <translation>2 · 不满意</translation>
    </message>
    <message>
        <source>1 · very dissatisfied</source>
        <translation>1 · 非常不满意</translation>
    </message>
    <message>
        <source>(no particular feedback)</source>
        <translation>（不针对某条反馈）</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>问卷</translation>
    </message>
    <message>
        <source>Would recommend (NPS)</source>
        <translation>推荐意愿（NPS）</translation>
    </message>
    <message>
        <source>Satisfaction (CSAT)</source>
        <translation>满意度（CSAT）</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>答复时间</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>About</source>
        <translation>针对</translation>
    </message>
    <message>
        <source>No survey is offered yet: define one under Feedback &gt; Surveys…</source>
        <translation>还没有可用的问卷：请在“反馈 &gt; 问卷…”中新建。</translation>
    </message>
</context>
<context>
    <name>RiskPanel</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Revenue to date</source>
        <translation>累计消费</translation>
    </message>
    <message>
        <source>Predicted value</source>
        <translation>预测价值</translation>
    </message>
    <message>
        <source>Probability still active</source>
        <translation>仍活跃的概率</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>最近下单</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Value rules</source>
        <translation>价值规则</translation>
    </message>
    <message>
        <source>Preview the changes</source>
        <translation>预览变化</translation>
    </message>
    <message>
        <source>Apply to every customer</source>
        <translation>应用到所有客户</translation>
    </message>
    <message>
        <source>Change the rules, then preview: you will see how many customers move between tiers and stages, and which, before anything is changed.</source>
        <translation>修改规则后先预览：在真正修改之前，可以看到有多少客户、哪些客户会在分层和阶段之间移动。</translation>
    </message>
    <message>
        <source>A tier condition is not valid: a value must be a number, or A, B or C for the ABC class.</source>
        <translation>有一条分层条件无效：值必须是数字；ABC 分类的值必须是 A、B 或 C。</translation>
    </message>
    <message>
        <source>As of %1, %2 of %3 customers would change tier and %4 would change stage.</source>
        <translation>截至 %1，%3 位客户中有 %2 位将改变价值分层，%4 位将改变生命周期阶段。</translation>
    </message>
    <message>
        <source>Value tier</source>
        <translation>价值分层</translation>
    </message>
    <message>
        <source>Lifecycle stage</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <source>(not valued)</source>
        <translation>（尚未计算）</translation>
    </message>
    <message>
        <source>What</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>From</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>To</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
</context>
<context>
    <name>RulesForm</name>
    <message>
        <source>Lifecycle stages</source>
        <translation>生命周期阶段</translation>
    </message>
    <message>
        <source>ABC classes, predicted value, points</source>
        <translation>ABC 分类、预测价值与积分</translation>
    </message>
    <message>
        <source>no points</source>
        <translation>不积分</translation>
    </message>
    <message>
        <source>Value tiers: any one condition puts a customer in the tier</source>
        <translation>价值分层：满足任一条件即归入该层</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>New: first order within</source>
        <translation>新客户：首次下单不超过</translation>
    </message>
    <message>
        <source>Silent: no order or contact for over</source>
        <translation>沉默：无下单且无联系超过</translation>
    </message>
    <message>
        <source>Churned: no order for over</source>
        <translation>流失：无下单超过</translation>
    </message>
    <message>
        <source>Loyal: days with an order, at least</source>
        <translation>忠诚：下单天数至少</translation>
    </message>
    <message>
        <source>Class A: share of revenue</source>
        <translation>A 类：收入占比</translation>
    </message>
    <message>
        <source>Class B: the next share</source>
        <translation>B 类：其后的收入占比</translation>
    </message>
    <message>
        <source>Predicted value looks ahead</source>
        <translation>预测价值的时间范围</translation>
    </message>
    <message>
        <source>Loyalty points per ¥1 spent</source>
        <translation>每消费 1 元获得积分</translation>
    </message>
    <message>
        <source>Follow up every</source>
        <translation>回访周期</translation>
    </message>
    <message>
        <source>Perks</source>
        <translation>权益</translation>
    </message>
    <message>
        <source>Everyone the rules for high and mid value do not take.</source>
        <translation>高价值和中价值规则之外的所有客户。</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Save the rows that were not imported…</source>
        <translation>保存未导入的行…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>没有导入任何数据。</translation>
    </message>
    <message>
        <source>Save rejected rows</source>
        <translation>保存被拒绝的行</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>%1 rejected rows saved to %2.</source>
        <translation>已将 %1 行被拒绝的数据保存到 %2。</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <source>Customer files</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>回访日历</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <source>Customer value</source>
        <translation>客户价值</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>查重合并</translation>
    </message>
    <message>
        <source>Data quality</source>
        <translation>数据质量</translation>
    </message>
</context>
<context>
    <name>SegmentActions</name>
    <message>
        <source>Segments</source>
        <translation>分群</translation>
    </message>
    <message>
        <source>Everyone listed</source>
        <translation>批量操作</translation>
    </message>
    <message>
        <source>Save these filters as a segment…</source>
        <translation>将当前筛选保存为分群…</translation>
    </message>
    <message>
        <source>Edit this segment…</source>
        <translation>编辑此分群…</translation>
    </message>
    <message>
        <source>Delete this segment</source>
        <translation>删除此分群</translation>
    </message>
    <message>
        <source>Assign an owner to everyone listed…</source>
        <translation>为列表中所有客户指定负责人…</translation>
    </message>
    <message>
        <source>Export everyone listed to Excel…</source>
        <translation>将列表中所有客户导出到 Excel…</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>Delete segment</source>
        <translation>删除分群</translation>
    </message>
    <message>
        <source>Delete the segment %1? Its customers stay as they are.</source>
        <translation>删除分群“%1”？其中的客户不受影响。</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Assign an owner</source>
        <translation>指定负责人</translation>
    </message>
    <message>
        <source>Owner of the %1 customers listed:</source>
        <translation>列表中 %1 位客户的负责人：</translation>
    </message>
    <message>
        <source>Assigned the customers listed to %1.</source>
        <translation>已将列表中的客户分配给 %1。</translation>
    </message>
</context>
<context>
    <name>SegmentDialog</name>
    <message>
        <source>Unassigned</source>
        <translation>未分配负责人</translation>
    </message>
    <message>
        <source>Add condition</source>
        <translation>添加条件</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Search text</source>
        <translation>搜索文字</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Customers who meet all of these conditions:</source>
        <translation>同时满足以下所有条件的客户：</translation>
    </message>
    <message>
        <source>Edit segment</source>
        <translation>编辑分群</translation>
    </message>
    <message>
        <source>New segment</source>
        <translation>新建分群</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) match now.</source>
        <translation>
            <numerusform>当前有 %n 位客户符合。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Default: camdesk.db in your data folder</source>
        <translation>默认：数据文件夹中的 camdesk.db</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>A file path, or a PostgreSQL URL such as postgresql+psycopg://user@server/camdesk. On a file shared over the network, user permissions are a convenience, not security.</source>
        <translation>文件路径，或 PostgreSQL 连接地址，例如 postgresql+psycopg://user@server/camdesk。对于网络共享的数据库文件，用户权限只是方便管理，并不能保证安全。</translation>
    </message>
    <message>
        <source>The open database file is used by several PCs over the network</source>
        <translation>当前数据库文件由多台电脑通过网络共同使用</translation>
    </message>
    <message>
        <source>Keeps the file in shared mode (a rollback journal instead of WAL, which does not work over a network) whoever opens it, this PC included. Switching needs the other PCs to close it first.</source>
        <translation>无论由谁打开（包括本机），文件都保持共享模式（使用回滚日志，而不是在网络上无法工作的 WAL）。切换前需要其他电脑先关闭它。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Choose a camdesk database</source>
        <translation>选择 camdesk 数据库</translation>
    </message>
    <message>
        <source>camdesk databases (*.db);;All files (*)</source>
        <translation>camdesk 数据库 (*.db);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>StepBar</name>
    <message>
        <source>Assign…</source>
        <translation>分派…</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始处理</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>解决…</translation>
    </message>
    <message>
        <source>Customer informed…</source>
        <translation>已告知客户…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <source>Assign FB-%1</source>
        <translation>分派 FB-%1</translation>
    </message>
    <message>
        <source>Resolve FB-%1</source>
        <translation>解决 FB-%1</translation>
    </message>
    <message>
        <source>How was it resolved? The customer will be told this.</source>
        <translation>是如何解决的？会把这个结果告知客户。</translation>
    </message>
    <message>
        <source>Customer informed: FB-%1</source>
        <translation>已告知客户：FB-%1</translation>
    </message>
    <message>
        <source>How and when was the customer told? (optional)</source>
        <translation>何时、以何种方式告知了客户？（可选）</translation>
    </message>
    <message>
        <source>Reopen FB-%1</source>
        <translation>重新打开 FB-%1</translation>
    </message>
    <message>
        <source>Why is it opened again? (optional)</source>
        <translation>为什么重新打开？（可选）</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Assign to</source>
        <translation>分派给</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>SurveysDialog</name>
    <message>
        <source>Satisfaction surveys</source>
        <translation>满意度问卷</translation>
    </message>
    <message>
        <source>New survey</source>
        <translation>新建问卷</translation>
    </message>
    <message>
        <source>Asks for satisfaction (CSAT, 1 to 5)</source>
        <translation>询问满意度（CSAT，1 到 5）</translation>
    </message>
    <message>
        <source>Asks whether they would recommend us (NPS, 0 to 10)</source>
        <translation>询问推荐意愿（NPS，0 到 10）</translation>
    </message>
    <message>
        <source>Questions of its own, one per line (optional)</source>
        <translation>自定义问题，每行一个（可选）</translation>
    </message>
    <message>
        <source>Offered when answers are recorded</source>
        <translation>记录答复时可选用</translation>
    </message>
    <message>
        <source>Save survey</source>
        <translation>保存问卷</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>%1 (not offered)</source>
        <translation>%1（已停用）</translation>
    </message>
</context>
<context>
    <name>TagActions</name>
    <message>
        <source>Add a tag to everyone listed…</source>
        <translation>给列出的全部客户加标签…</translation>
    </message>
    <message>
        <source>Remove a tag from everyone listed…</source>
        <translation>从列出的全部客户去掉标签…</translation>
    </message>
    <message>
        <source>Add a tag to the selected customers…</source>
        <translation>给选中的客户加标签…</translation>
    </message>
    <message>
        <source>Remove a tag from the selected customers…</source>
        <translation>从选中的客户去掉标签…</translation>
    </message>
    <message>
        <source>Manage tags…</source>
        <translation>管理标签…</translation>
    </message>
    <message>
        <source>Tag to add to the %1 customers listed:</source>
        <translation>要加给列出的 %1 位客户的标签：</translation>
    </message>
    <message>
        <source>Tag to add to the %1 selected customers:</source>
        <translation>要加给选中的 %1 位客户的标签：</translation>
    </message>
    <message>
        <source>Tag to remove from the %1 customers listed:</source>
        <translation>要从列出的 %1 位客户去掉的标签：</translation>
    </message>
    <message>
        <source>Tag to remove from the %1 selected customers:</source>
        <translation>要从选中的 %1 位客户去掉的标签：</translation>
    </message>
    <message>
        <source>Add a tag</source>
        <translation>加标签</translation>
    </message>
    <message>
        <source>Remove a tag</source>
        <translation>去掉标签</translation>
    </message>
    <message>
        <source>Tagged the customers listed “%1”.</source>
        <translation>已给列出的客户加上“%1”。</translation>
    </message>
    <message>
        <source>Tagged the selected customers “%1”.</source>
        <translation>已给选中的客户加上“%1”。</translation>
    </message>
    <message>
        <source>Took “%1” off the customers listed.</source>
        <translation>已从列出的客户去掉“%1”。</translation>
    </message>
    <message>
        <source>Took “%1” off the selected customers.</source>
        <translation>已从选中的客户去掉“%1”。</translation>
    </message>
</context>
<context>
    <name>TagsDialog</name>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>颜色…</translation>
    </message>
    <message>
        <source>No colour</source>
        <translation>无颜色</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>合并到…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Colour of %1</source>
        <translation>“%1”的颜色</translation>
    </message>
    <message>
        <source>Rename tag</source>
        <translation>重命名标签</translation>
    </message>
    <message>
        <source>New name of %1:</source>
        <translation>“%1”的新名称：</translation>
    </message>
    <message>
        <source>Renamed the tag %1 to %2.</source>
        <translation>已将标签“%1”改名为“%2”。</translation>
    </message>
    <message>
        <source>Merge tags</source>
        <translation>合并标签</translation>
    </message>
    <message>
        <source>Every customer tagged %1 gets this tag instead, and %1 is gone:</source>
        <translation>带“%1”的客户都改为带这个标签，“%1”随之删除：</translation>
    </message>
    <message>
        <source>Merged the tag %1 into %2.</source>
        <translation>已将标签“%1”合并到“%2”。</translation>
    </message>
    <message>
        <source>Delete tag</source>
        <translation>删除标签</translation>
    </message>
    <message numerus="yes">
        <source>Delete the tag %1? It is taken off %n customer(s); Undo in the customer list puts it back.</source>
        <translation>
            <numerusform>删除标签“%1”？它将从 %n 位客户身上去掉；在客户列表中点“撤销”可恢复。</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted the tag %1.</source>
        <translation>已删除标签“%1”。</translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <source>Log a contact…</source>
        <translation>记录联系…</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Add a note…</source>
        <translation>添加备注…</translation>
    </message>
    <message>
        <source>Contacts: %1 · notes: %2 · last contact: %3</source>
        <translation>联系 %1 次 · 备注 %2 条 · 上次联系：%3</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>By</source>
        <translation>记录人</translation>
    </message>
</context>
<context>
    <name>TrendsPage</name>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Save chart as picture…</source>
        <translation>图表另存为图片…</translation>
    </message>
    <message>
        <source>Export numbers…</source>
        <translation>导出数据…</translation>
    </message>
    <message>
        <source>Churn rate</source>
        <translation>流失率</translation>
    </message>
    <message>
        <source>New and churned</source>
        <translation>新增与流失</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <source>Churn reasons</source>
        <translation>流失原因</translation>
    </message>
    <message>
        <source>Value tiers</source>
        <translation>价值分层</translation>
    </message>
    <message>
        <source>Revenue Pareto</source>
        <translation>收入帕累托</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>Reading the figures…</source>
        <translation>正在读取数据…</translation>
    </message>
    <message>
        <source>Active at start</source>
        <translation>月初活跃客户</translation>
    </message>
    <message>
        <source>Churn rate (%)</source>
        <translation>流失率（%）</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>新增客户</translation>
    </message>
    <message>
        <source>Churned</source>
        <translation>流失客户</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到</translation>
    </message>
    <message>
        <source>Service level breaches</source>
        <translation>超时未解决</translation>
    </message>
    <message>
        <source>%1 (%2% of revenue)</source>
        <translation>%1（占收入 %2%）</translation>
    </message>
    <message>
        <source>Median hours to resolve</source>
        <translation>解决时长中位数（小时）</translation>
    </message>
    <message>
        <source>Value tier</source>
        <translation>价值分层</translation>
    </message>
    <message>
        <source>Revenue (yuan)</source>
        <translation>收入（元）</translation>
    </message>
    <message>
        <source>Best customers (%)</source>
        <translation>最佳客户（%）</translation>
    </message>
    <message>
        <source>Their revenue (%)</source>
        <translation>其收入占比（%）</translation>
    </message>
    <message>
        <source>No category</source>
        <translation>未分类</translation>
    </message>
    <message>
        <source>Average CSAT (right, 1-5)</source>
        <translation>平均 CSAT（右轴，1-5）</translation>
    </message>
    <message>
        <source>Median hours to resolve (right)</source>
        <translation>解决时长中位数（小时，右轴）</translation>
    </message>
    <message>
        <source>%1 (median %2 h)</source>
        <translation>%1（中位 %2 小时）</translation>
    </message>
    <message>
        <source>Save chart as picture</source>
        <translation>图表另存为图片</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Export numbers</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>NPS responses</source>
        <translation>NPS 答卷数</translation>
    </message>
    <message>
        <source>Average CSAT</source>
        <translation>平均 CSAT</translation>
    </message>
    <message>
        <source>CSAT responses</source>
        <translation>CSAT 答卷数</translation>
    </message>
    <message>
        <source>Feedback received</source>
        <translation>收到反馈</translation>
    </message>
    <message>
        <source>Feedback resolved</source>
        <translation>已解决反馈</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>条数</translation>
    </message>
    <message>
        <source>Churn reason</source>
        <translation>流失原因</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>月度</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>类别</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Reassign</source>
        <translation>转交</translation>
    </message>
    <message>
        <source>Nobody (unassigned)</source>
        <translation>无人（未分配）</translation>
    </message>
    <message>
        <source>Give %1 follow-ups to:</source>
        <translation>将 %1 条回访转交给：</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
</context>
<context>
    <name>ValuePage</name>
    <message numerus="yes">
        <source>every %n day(s)</source>
        <translation>
            <numerusform>每 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>价值分层</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Revenue share</source>
        <translation>收入占比</translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation>回访周期</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Perks</source>
        <translation>权益</translation>
    </message>
    <message>
        <source>&lt;b&gt;Value tiers.&lt;/b&gt; A customer is high value when any rule for high applies, else mid value when a rule for mid applies, else low value. Each tier has its own follow-up cadence and perks. Click a tier to list its customers.</source>
        <translation>&lt;b&gt;价值分层。&lt;/b&gt;满足任一高价值规则的客户为高价值；否则满足任一中价值规则的为中价值；其余为低价值。每个层级有各自的回访周期和权益。点击某一层级可列出其客户。</translation>
    </message>
    <message>
        <source>%1: %2 customers (%3)</source>
        <translation>%1：%2 位客户（%3）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Lifecycle stages&lt;/b&gt; from orders and contacts, decided in the order listed: the first rule that applies sets the stage. Every change of stage is recorded.</source>
        <translation>&lt;b&gt;生命周期阶段&lt;/b&gt;由订单和联系记录决定，按所列顺序判断：第一条适用的规则决定阶段。每次阶段变化都会被记录。</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>&lt;b&gt;RFM segments.&lt;/b&gt; R: days since the last order; F: days with an order; M: total spend. Each is scored 1 to 5 by quintile among paying customers (5 is the best fifth); the segment follows from R and the mean of F and M.</source>
        <translation>&lt;b&gt;RFM 分群。&lt;/b&gt;R：距上次下单的天数；F：下单天数；M：累计消费。每项在付费客户中按五分位打 1 到 5 分（5 分为最好的五分之一）；分群由 R 以及 F 与 M 的平均分决定。</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>分群</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>&lt;b&gt;ABC (Pareto).&lt;/b&gt; Paying customers ranked by revenue: class A brings the first %1 of revenue, B the next %2, C the rest. Here %3 of %4 paying customers are class A and %5 are A or B. Click a region to list its customers.</source>
        <translation>&lt;b&gt;ABC 分类（帕累托）。&lt;/b&gt;付费客户按消费额排序：A 类贡献前 %1 的收入，B 类贡献其后的 %2，其余为 C 类。当前 %4 位付费客户中 %3 为 A 类，%5 为 A 类或 B 类。点击某一区域可列出其客户。</translation>
    </message>
    <message>
        <source>Share of paying customers, best first (%)</source>
        <translation>付费客户占比，按消费从高到低（%）</translation>
    </message>
    <message>
        <source>Share of revenue (%)</source>
        <translation>收入占比（%）</translation>
    </message>
    <message>
        <source>Predicted value %1: %2 customers</source>
        <translation>预测价值 %1：%2 位客户</translation>
    </message>
    <message>
        <source>&lt;b&gt;Predicted value (CLV)&lt;/b&gt; is the revenue a customer is expected to bring in the next %1 days: expected purchases (BG/NBD model) times expected spend per purchase (Gamma-Gamma model), both fitted on every customer&apos;s purchase history.</source>
        <translation>&lt;b&gt;预测价值（CLV）&lt;/b&gt;是客户在未来 %1 天内预计带来的收入：预计购买次数（BG/NBD 模型）乘以每次购买的预计金额（Gamma-Gamma 模型），两个模型都用全部客户的购买历史拟合。</translation>
    </message>
    <message>
        <source>BG/NBD: r = %1, α = %2, a = %3, b = %4 (weeks).</source>
        <translation>BG/NBD：r = %1，α = %2，a = %3，b = %4（以周为单位）。</translation>
    </message>
    <message>
        <source>Gamma-Gamma: p = %1, q = %2, v = %3.</source>
        <translation>Gamma-Gamma：p = %1，q = %2，v = %3。</translation>
    </message>
    <message>
        <source>Click a bar to list those customers.</source>
        <translation>点击柱形可列出这些客户。</translation>
    </message>
    <message>
        <source>High-value customers who are probably not coming back: the BG/NBD model gives them less than a 50% chance of still being active. Largest revenue first; double-click to open a customer&apos;s file.</source>
        <translation>可能不再回来的高价值客户：BG/NBD 模型估计其仍活跃的概率低于 50%。按累计消费从高到低排列；双击打开客户档案。</translation>
    </message>
    <message>
        <source>%1: %2 customers churned</source>
        <translation>%1：%2 位客户流失</translation>
    </message>
    <message>
        <source>Customers who became churned in each month, as recorded by the recomputes. Click a bar to list the churned customers.</source>
        <translation>每月转为流失的客户数（由每次重新计算记录）。点击柱形可列出已流失的客户。</translation>
    </message>
    <message>
        <source>Recompute now</source>
        <translation>立即重新计算</translation>
    </message>
    <message>
        <source>Recompute every customer&apos;s value measures, tier and stage from their orders and contacts. Changes of tier and stage are recorded.</source>
        <translation>根据订单和联系记录重新计算每位客户的价值指标、价值分层和生命周期阶段。分层和阶段的变化会被记录。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Rules…</source>
        <translation>规则…</translation>
    </message>
    <message>
        <source>Change the thresholds of the stages, the ABC shares and the tier rules, with a preview of who would move.</source>
        <translation>修改生命周期阈值、ABC 占比和分层规则，并预览哪些客户会移动。</translation>
    </message>
    <message>
        <source>Tiers and stages</source>
        <translation>分层与生命周期</translation>
    </message>
    <message>
        <source>RFM segments</source>
        <translation>RFM 分群</translation>
    </message>
    <message>
        <source>Revenue (Pareto)</source>
        <translation>收入（帕累托）</translation>
    </message>
    <message>
        <source>Predicted value</source>
        <translation>预测价值</translation>
    </message>
    <message>
        <source>Churn risk</source>
        <translation>流失风险</translation>
    </message>
    <message>
        <source>Churn per month</source>
        <translation>每月流失</translation>
    </message>
    <message>
        <source>Reading the value figures…</source>
        <translation>正在读取价值数据…</translation>
    </message>
    <message>
        <source>Value measures have not been computed for this database yet. Press Recompute now: it takes a few seconds for 100,000 customers.</source>
        <translation>此数据库尚未计算价值指标。请点击“立即重新计算”：10 万客户只需几秒钟。</translation>
    </message>
    <message>
        <source>Measures as of %1 for %2 customers.</source>
        <translation>截至 %1 的指标，共 %2 位客户。</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) added since are not valued yet.</source>
        <translation>
            <numerusform>此后新增的 %n 位客户尚未计算价值。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ValueTab</name>
    <message>
        <source>Computed as of</source>
        <translation>计算日期</translation>
    </message>
    <message>
        <source>Value tier</source>
        <translation>价值分层</translation>
    </message>
    <message>
        <source>Why this tier</source>
        <translation>分层原因</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务策略</translation>
    </message>
    <message>
        <source>Lifecycle stage</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <source>Why this stage</source>
        <translation>阶段原因</translation>
    </message>
    <message>
        <source>RFM</source>
        <translation>RFM</translation>
    </message>
    <message>
        <source>ABC class</source>
        <translation>ABC 分类</translation>
    </message>
    <message>
        <source>Revenue to date</source>
        <translation>累计消费</translation>
    </message>
    <message>
        <source>Predicted value</source>
        <translation>预测价值</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Not valued yet: tier, stage and predicted value appear here after the next recompute (Customer value screen, Recompute now).</source>
        <translation>尚未计算价值：下次重新计算后（在“客户价值”页点击“立即重新计算”），这里会显示价值分层、生命周期和预测价值。</translation>
    </message>
    <message>
        <source>Changes of tier and stage</source>
        <translation>分层与阶段变化</translation>
    </message>
    <message>
        <source>%1, margin %2</source>
        <translation>%1，毛利 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) with an order; first %2, last %3</source>
        <translation>
            <numerusform>%n 天有订单；首次 %2，最近 %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>What</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>From</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>To</source>
        <translation>新值</translation>
    </message>
    <message numerus="yes">
        <source>Follow up every %n day(s); %1</source>
        <translation>
            <numerusform>每 %n 天回访一次；%1</numerusform>
        </translation>
    </message>
    <message>
        <source>No orders yet</source>
        <translation>还没有订单</translation>
    </message>
    <message>
        <source>R %1 · F %2 · M %3: %4. %5</source>
        <translation>R %1 · F %2 · M %3：%4。%5</translation>
    </message>
    <message>
        <source>%1 in the next %2 days (%3 purchases expected of %4 each); whether this customer is still active cannot be told from a single day of purchases</source>
        <translation>未来 %2 天 %1（预计购买 %3 次，每次 %4）；只有一天的购买记录，无法判断该客户是否仍然活跃</translation>
    </message>
    <message>
        <source>%1 in the next %2 days (%3 purchases expected of %4 each); probability still active %5%</source>
        <translation>未来 %2 天预计 %1（预计购买 %3 次，每次约 %4）；仍活跃的概率 %5%</translation>
    </message>
</context>
<context>
    <name>ValueText</name>
    <message>
        <source>Everyone else</source>
        <translation>其余所有客户</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>No order yet.</source>
        <translation>还没有订单。</translation>
    </message>
    <message>
        <source>No order for more than %1 days.</source>
        <translation>超过 %1 天没有下单。</translation>
    </message>
    <message>
        <source>No order and no contact for more than %1 days.</source>
        <translation>超过 %1 天既没有下单也没有联系。</translation>
    </message>
    <message>
        <source>First order at most %1 days ago.</source>
        <translation>首次下单在 %1 天以内。</translation>
    </message>
    <message>
        <source>Ordered on at least %1 different days.</source>
        <translation>至少在 %1 个不同的日子下过单。</translation>
    </message>
    <message>
        <source>Everyone else (ordered within %1 days, or still in contact).</source>
        <translation>其余客户（%1 天内下过单，或仍有联系）。</translation>
    </message>
</context>
<context>
    <name>criteria</name>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Value tier</source>
        <translation>价值分层</translation>
    </message>
    <message>
        <source>Lifecycle stage</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <source>RFM segment</source>
        <translation>RFM 分群</translation>
    </message>
    <message>
        <source>ABC class</source>
        <translation>ABC 分类</translation>
    </message>
    <message>
        <source>Predicted value (CLV)</source>
        <translation>预测价值（CLV）</translation>
    </message>
    <message>
        <source>Total spend</source>
        <translation>累计消费</translation>
    </message>
    <message>
        <source>Days with an order</source>
        <translation>下单天数</translation>
    </message>
    <message>
        <source>Days since last order</source>
        <translation>距上次下单天数</translation>
    </message>
    <message>
        <source>Days since last contact</source>
        <translation>距上次联系天数</translation>
    </message>
    <message>
        <source>Latest NPS (0-10)</source>
        <translation>最近一次 NPS（0-10）</translation>
    </message>
    <message>
        <source>Latest CSAT (1-5)</source>
        <translation>最近一次 CSAT（1-5）</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation>%1 为空</translation>
    </message>
    <message>
        <source>%1: %2 to %3</source>
        <translation>%1：%2 至 %3</translation>
    </message>
    <message>
        <source>is</source>
        <translation>等于</translation>
    </message>
    <message>
        <source>less than</source>
        <translation>小于</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>不超过</translation>
    </message>
    <message>
        <source>more than</source>
        <translation>大于</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>至少</translation>
    </message>
    <message>
        <source>between</source>
        <translation>介于</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>为空</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>{path} does not exist.</source>
        <translation>{path} 不存在。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>出现了问题。</translation>
    </message>
    <message>
        <source>{path} is not a camdesk database. Choose a camdesk database file, or create a new one.</source>
        <translation>{path} 不是 camdesk 数据库。请选择一个 camdesk 数据库文件，或新建一个。</translation>
    </message>
    <message>
        <source>{path} was written by a newer camdesk (schema {revision}). Update camdesk to open it; the file was not changed.</source>
        <translation>{path} 由更新版本的 camdesk 写入（结构版本 {revision}）。请升级 camdesk 后再打开；该文件未被改动。</translation>
    </message>
    <message>
        <source>The database is busy: another user or program is writing to it. Wait a moment and try again.</source>
        <translation>数据库正忙：其他用户或程序正在写入。请稍候再试。</translation>
    </message>
    <message>
        <source>{path} is busy: another program has held it locked for more than {seconds} seconds. Close the other program (or wait for it to finish) and try again.</source>
        <translation>{path} 正忙：另一个程序锁住它已超过 {seconds} 秒。请关闭那个程序（或等它完成）后再试。</translation>
    </message>
    <message>
        <source>{path} is a camdesk database, but it is damaged. It was not changed. Open your latest backup, or copy what can still be read into a new file with “camdesk recover --db {path} --to NEW.db”.</source>
        <translation>{path} 是 camdesk 数据库，但已损坏。文件未被改动。请打开最近的备份，或用“camdesk recover --db {path} --to NEW.db”把仍能读出的内容复制到一个新文件。</translation>
    </message>
    <message>
        <source>{path} can only be read. Nothing was changed. To change it, get write access to the file and its folder, or copy it somewhere you can write to.</source>
        <translation>{path} 只能读取，未做任何改动。要修改它，请取得该文件及其文件夹的写入权限，或把它复制到可以写入的位置。</translation>
    </message>
    <message>
        <source>A save to {path} was interrupted (a crash or power cut left its journal, {journal}). camdesk needs write access to the file and its folder to finish putting it back as it was; until then it cannot be opened. Nothing was changed.</source>
        <translation>对 {path} 的一次保存被中断了（崩溃或断电留下了日志文件 {journal}）。camdesk 需要该文件及其文件夹的写入权限，才能把它恢复到保存前的样子；在此之前无法打开。未做任何改动。</translation>
    </message>
    <message>
        <source>The disk holding {path} is full. Nothing was written. Free some space on it and try again.</source>
        <translation>{path} 所在的磁盘已满，未写入任何内容。请腾出一些空间后再试。</translation>
    </message>
    <message>
        <source>{path} cannot be opened: {reason}. Check that the file exists and that you may read it.</source>
        <translation>无法打开 {path}：{reason}。请检查文件是否存在，以及你是否有读取权限。</translation>
    </message>
    <message>
        <source>Cannot connect to the database {url}: {reason}</source>
        <translation>无法连接数据库 {url}：{reason}</translation>
    </message>
    <message>
        <source>Some fields need attention: {fields}.</source>
        <translation>以下字段需要修改：{fields}。</translation>
    </message>
    <message>
        <source>This record no longer exists; someone may have deleted it. Refresh the list and try again.</source>
        <translation>该记录已不存在，可能已被他人删除。请刷新列表后重试。</translation>
    </message>
    <message>
        <source>{changed_by} changed this customer at {changed_at} while you were editing. Nothing was overwritten: compare both versions and save again.</source>
        <translation>在您编辑期间，{changed_by} 于 {changed_at} 修改了这位客户。没有任何内容被覆盖：请对比两个版本后再保存。</translation>
    </message>
    <message>
        <source>{changed_by} changed the follow-up for {customer} at {changed_at}. Nothing was overwritten: look at it as it is now and try again.</source>
        <translation>{changed_by} 在 {changed_at} 修改了 {customer} 的回访。没有覆盖任何内容：请查看最新情况后再试。</translation>
    </message>
    <message>
        <source>The follow-up for {customer} is no longer planned; only planned follow-ups can be done, skipped, moved or cancelled.</source>
        <translation>{customer} 的回访已不在计划中；只有计划中的回访才能完成、跳过、改期或取消。</translation>
    </message>
    <message>
        <source>The follow-up for {customer} was already marked done; only planned follow-ups can be done, skipped, moved or cancelled.</source>
        <translation>{customer} 的回访已被标记为完成；只有计划中的回访才能完成、跳过、改期或取消。</translation>
    </message>
    <message>
        <source>The follow-up for {customer} was already skipped; only planned follow-ups can be done, skipped, moved or cancelled.</source>
        <translation>{customer} 的回访已被跳过；只有计划中的回访才能完成、跳过、改期或取消。</translation>
    </message>
    <message>
        <source>The follow-up for {customer} was already cancelled; only planned follow-ups can be done, skipped, moved or cancelled.</source>
        <translation>{customer} 的回访已被取消；只有计划中的回访才能完成、跳过、改期或取消。</translation>
    </message>
    <message>
        <source>{changed_by} changed this survey or response at {changed_at}. Nothing was overwritten: look at it as it is now and try again.</source>
        <translation>{changed_by} 于 {changed_at} 修改了这份问卷或答卷。没有覆盖任何内容：请查看最新内容后重试。</translation>
    </message>
    <message>
        <source>{changed_by} changed FB-{number} at {changed_at}. Nothing was overwritten: look at it as it is now and try again.</source>
        <translation>{changed_by} 已于 {changed_at} 修改了 FB-{number}。没有覆盖任何内容：请查看它的当前状态后再试一次。</translation>
    </message>
    <message>
        <source>{changed_by} changed the feedback settings at {changed_at}. Nothing was overwritten: look at them as they are now and change them again.</source>
        <translation>{changed_by} 在 {changed_at} 修改了反馈设置。没有覆盖任何内容：请查看当前设置后重新修改。</translation>
    </message>
    <message>
        <source>{changed_by} changed the tag {name} at {changed_at}. Nothing was overwritten: look at the tags as they are now and try again.</source>
        <translation>{changed_by} 于 {changed_at} 修改了标签“{name}”。没有覆盖任何内容：请查看标签现在的样子后再试。</translation>
    </message>
    <message>
        <source>{changed_by} changed the custom field {label} at {changed_at}. Nothing was overwritten: look at it as it is now and change it again.</source>
        <translation>{changed_by} 于 {changed_at} 修改了自定义字段“{label}”。没有覆盖任何内容：请查看它现在的样子后再修改。</translation>
    </message>
    <message>
        <source>{label}: {value} is in use (customer files: {count}), so it stays a choice. Retype it on its own line to rename it in those files too, or keep it.</source>
        <translation>“{label}”的“{value}”仍在使用（客户档案：{count} 份），因此保留为选项。可在它所在的那一行直接改名，这些档案会一并改名；或保留该选项。</translation>
    </message>
    <message>
        <source>{label} holds values (customer files: {count}), so its type stays as it is. Add a new field of the other type instead.</source>
        <translation>“{label}”已有填写的值（客户档案：{count} 份），因此类型保持不变。如需其他类型，请新建一个字段。</translation>
    </message>
    <message>
        <source>FB-{number} is “{current}”: it cannot go to “{wanted}” from there. Next it can be: {allowed}.</source>
        <translation>FB-{number} 当前为“{current}”，不能从这里改为“{wanted}”。下一步可以是：{allowed}。</translation>
    </message>
    <message>
        <source>{changed_by} changed this order at {changed_at}. Nothing was overwritten: look at it as it is now and try again.</source>
        <translation>{changed_by} 在 {changed_at} 修改了这笔订单。没有覆盖任何内容：请查看最新情况后再试。</translation>
    </message>
    <message>
        <source>The customer code {code} is already used by {name}.</source>
        <translation>客户编号 {code} 已被 {name} 使用。</translation>
    </message>
    <message>
        <source>This change can no longer be undone: the customer was changed since.</source>
        <translation>此操作已无法撤销：该客户之后又被修改过。</translation>
    </message>
    <message>
        <source>{path} is not a spreadsheet camdesk can read. Save it as .xlsx, .xls or .csv and try again.</source>
        <translation>{path} 不是 camdesk 能读取的表格文件。请另存为 .xlsx、.xls 或 .csv 后重试。</translation>
    </message>
    <message>
        <source>{path} is protected by a password. Open it in your spreadsheet program, remove the password (or save an unprotected copy) and try again.</source>
        <translation>{path} 受密码保护。请在表格软件中打开它，取消密码（或另存一份不加密的副本）后重试。</translation>
    </message>
    <message>
        <source>{path} holds no data (sheet {sheet} has no rows). Choose another file or sheet.</source>
        <translation>{path} 中没有数据（工作表 {sheet} 没有任何行）。请选择其他文件或工作表。</translation>
    </message>
    <message>
        <source>{path} has no sheet named {sheet}. Its sheets are: {sheets}.</source>
        <translation>{path} 中没有名为 {sheet} 的工作表。它的工作表有：{sheets}。</translation>
    </message>
    <message>
        <source>{path} cannot be read: {reason}. Check the name and that you may read it.</source>
        <translation>无法读取 {path}：{reason}。请检查文件名，以及你是否有读取权限。</translation>
    </message>
    <message>
        <source>{path} cannot be written: {reason}. Choose another folder or name; nothing was written.</source>
        <translation>无法写入 {path}：{reason}。请换一个文件夹或文件名；未写入任何内容。</translation>
    </message>
    <message>
        <source>{path} is larger than camdesk imports at once: at most {rows} rows and {columns} columns a sheet. Split it into smaller files (or remove what lies far outside the table, such as a stray cell at the sheet&apos;s last row or column) and import them one after the other.</source>
        <translation>{path} 超出了 camdesk 一次能导入的大小：每个工作表最多 {rows} 行、{columns} 列。请把它拆成几个较小的文件（或删掉表格之外很远处的内容，例如工作表最后一行或最后一列上的零散单元格），再依次导入。</translation>
    </message>
    <message>
        <source>{path} has a cell of more than {limit} characters, which is not a table camdesk can read. Check the file&apos;s separators and quotes, or save it from your spreadsheet program as .xlsx.</source>
        <translation>{path} 中有一个单元格超过 {limit} 个字符，camdesk 无法把它当作表格读取。请检查文件的分隔符和引号，或在电子表格软件中另存为 .xlsx。</translation>
    </message>
    <message>
        <source>The text of {path} is in an encoding camdesk does not recognise. Save it as CSV UTF-8 and try again.</source>
        <translation>{path} 的文字编码无法识别。请另存为“CSV UTF-8”格式后重试。</translation>
    </message>
    <message>
        <source>Choose person or company.</source>
        <translation>请选择个人或企业。</translation>
    </message>
    <message>
        <source>Choose female, male or other.</source>
        <translation>请选择女、男或其他。</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>已取消，未写入任何内容。</translation>
    </message>
    <message>
        <source>No customer has this code, phone or email. Import the customers first, or choose to create missing customers.</source>
        <translation>没有客户使用这个编号、电话或邮箱。请先导入客户，或选择自动创建缺少的客户。</translation>
    </message>
    <message>
        <source>A customer is created for this row only if it has the customer&apos;s name.</source>
        <translation>只有当这一行填写了客户名称时，才能为它创建客户。</translation>
    </message>
    <message>
        <source>Must not be negative.</source>
        <translation>不能为负数。</translation>
    </message>
    <message>
        <source>“{value}” is not a valid phone number.</source>
        <translation>“{value}”不是有效的电话号码。</translation>
    </message>
    <message>
        <source>“{value}” is not a valid email address.</source>
        <translation>“{value}”不是有效的邮箱地址。</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>此项为必填。</translation>
    </message>
    <message>
        <source>At most {limit} characters.</source>
        <translation>最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>“{value}” is not a lunar month and day; write it like 八月十五, 闰六月初三 or 8-15.</source>
        <translation>“{value}”不是农历月日；请写成 八月十五、闰六月初三 或 8-15。</translation>
    </message>
    <message>
        <source>The date {value} lies in the future.</source>
        <translation>日期 {value} 晚于今天。</translation>
    </message>
    <message>
        <source>The date {value} is before 1900.</source>
        <translation>日期 {value} 早于 1900 年。</translation>
    </message>
    <message>
        <source>“{value}” is not a number.</source>
        <translation>“{value}”不是数字。</translation>
    </message>
    <message>
        <source>“{value}” is not a date (use YYYY-MM-DD).</source>
        <translation>“{value}”不是日期（请使用 YYYY-MM-DD 格式）。</translation>
    </message>
    <message>
        <source>“{value}” is not one of the choices.</source>
        <translation>“{value}”不在可选项中。</translation>
    </message>
    <message>
        <source>camdesk: unexpected error</source>
        <translation>camdesk：意外错误</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. Your saved data is safe; the action did not complete. Please report this with the details below.</source>
        <translation>发生了意外错误。已保存的数据是安全的，本次操作未完成。请附上下方详细信息报告此问题。</translation>
    </message>
    <message>
        <source>(The row is imported without this value.)</source>
        <translation>（该行导入时不含此值。）</translation>
    </message>
    <message>
        <source>{count} rows have problems, so nothing was imported. Fix them (the error list says where) and import again, or import the good rows only.</source>
        <translation>有 {count} 行存在问题，因此没有导入任何数据。请按错误列表修正后重新导入，或选择只导入正确的行。</translation>
    </message>
    <message>
        <source>“{value}” lost its last digits (scientific notation): format the column as text in the spreadsheet and export it again.</source>
        <translation>“{value}”以科学计数法保存，末尾数字已丢失：请在表格软件中把该列设为文本格式后重新导出。</translation>
    </message>
    <message>
        <source>“{value}” is not an amount in yuan (at most two decimals).</source>
        <translation>“{value}”不是以元为单位的金额（最多两位小数）。</translation>
    </message>
    <message>
        <source>“{value}” is not a gender: write 男, 女, male or female.</source>
        <translation>“{value}”不是性别：请填写 男、女、male 或 female。</translation>
    </message>
    <message>
        <source>“{value}” is not a customer type: write 个人 or 企业 (person or company).</source>
        <translation>“{value}”不是客户类型：请填写 个人 或 企业。</translation>
    </message>
    <message>
        <source>“{value}” is not a way of contact: call, SMS, WeChat, email, visit or meeting.</source>
        <translation>“{value}”不是联系方式：请填写 电话、短信、微信、邮件、拜访 或 会议。</translation>
    </message>
    <message>
        <source>“{value}” is not a whole number.</source>
        <translation>“{value}”不是整数。</translation>
    </message>
    <message>
        <source>“{value}” is not a date and time (use YYYY-MM-DD HH:MM).</source>
        <translation>“{value}”不是日期时间（请使用 YYYY-MM-DD HH:MM 格式）。</translation>
    </message>
    <message>
        <source>“{value}” is not a score: write a whole number, or for satisfaction 非常满意 to 非常不满意.</source>
        <translation>“{value}”不是评分：请填写整数，满意度也可填写“非常满意”到“非常不满意”。</translation>
    </message>
    <message>
        <source>The customer code {value} is also in row {other}.</source>
        <translation>客户编号 {value} 与第 {other} 行重复。</translation>
    </message>
    <message>
        <source>The customer code {value} belongs to {name}.</source>
        <translation>客户编号 {value} 已被 {name} 使用。</translation>
    </message>
    <message>
        <source>No user is called “{value}”.</source>
        <translation>没有名为“{value}”的用户。</translation>
    </message>
    <message>
        <source>No user is called “{value}”: choose to create the owners, or import without them.</source>
        <translation>没有名为“{value}”的用户：请选择创建这些负责人，或不带负责人导入。</translation>
    </message>
    <message>
        <source>Choose at least two different customers to merge.</source>
        <translation>请至少选择两位不同的客户进行合并。</translation>
    </message>
    <message>
        <source>No company customer has this code or name. Import the companies first, or choose to create missing customers.</source>
        <translation>没有企业客户使用这个编号或名称。请先导入企业客户，或选择自动创建缺少的客户。</translation>
    </message>
    <message>
        <source>These value rules cannot be used.</source>
        <translation>这些价值规则无法使用。</translation>
    </message>
    <message>
        <source>A customer must count as new for fewer days than it takes to fall silent, and fall silent before churning: now new {new}, silent {silent}, churned {churn} days.</source>
        <translation>新客户的天数必须少于转为沉默的天数，沉默又必须早于流失：当前新客户 {new} 天、沉默 {silent} 天、流失 {churn} 天。</translation>
    </message>
    <message>
        <source>Classes A and B must each hold more than 0% of revenue and together at most 100%: now A {a}% and B {b}%.</source>
        <translation>A 类和 B 类的收入占比都必须大于 0%，且合计不超过 100%：当前 A 类 {a}%，B 类 {b}%。</translation>
    </message>
    <message>
        <source>The points could not be changed.</source>
        <translation>积分无法修改。</translation>
    </message>
    <message>
        <source>The customer has {balance} points; {wanted} cannot be taken off. Nothing changed.</source>
        <translation>该客户只有 {balance} 积分，无法扣减 {wanted} 积分。未做任何修改。</translation>
    </message>
    <message>
        <source>Enter a number of points greater than zero.</source>
        <translation>请输入大于零的积分数。</translation>
    </message>
    <message>
        <source>Say why the points are adjusted: the reason is kept.</source>
        <translation>请填写调整积分的原因：原因会被保留。</translation>
    </message>
    <message>
        <source>This customer no longer exists.</source>
        <translation>该客户已不存在。</translation>
    </message>
    <message>
        <source>The segment could not be saved.</source>
        <translation>分群无法保存。</translation>
    </message>
    <message>
        <source>A segment called {name} exists already: choose another name.</source>
        <translation>已有名为“{name}”的分群：请换一个名称。</translation>
    </message>
    <message>
        <source>Give the segment a name.</source>
        <translation>请为分群命名。</translation>
    </message>
    <message>
        <source>A segment needs at least one condition or search text.</source>
        <translation>分群至少需要一个条件或搜索文字。</translation>
    </message>
    <message>
        <source>Values can be worked out as of today or an earlier day, not as of {day}: nobody&apos;s orders of that day are known yet.</source>
        <translation>价值只能按今天或更早的日期计算，不能按 {day}：那一天的订单还无从得知。</translation>
    </message>
    <message>
        <source>A save to {path} had been interrupted (by a crash or a power cut); camdesk has put the database back as it was before that save.</source>
        <translation>对 {path} 的一次保存曾被中断（崩溃或断电）；camdesk 已把数据库恢复到那次保存之前的样子。</translation>
    </message>
    <message>
        <source>{path} can only be read: it lies on a disk or share mounted read-only. Nothing was changed. To change it, copy it somewhere you can write to.</source>
        <translation>{path} 只能读取：它位于以只读方式挂载的磁盘或共享上。未做任何改动。要修改它，请把它复制到可以写入的位置。</translation>
    </message>
    <message>
        <source>The disk holding {path} is full, so camdesk opened it read-only: you can look things up and export elsewhere, but not save. Free some space on that disk and open the database again.</source>
        <translation>{path} 所在的磁盘已满，因此 camdesk 以只读方式打开了它：可以查询，也可以导出到其他位置，但不能保存。请在该磁盘上腾出空间后重新打开数据库。</translation>
    </message>
    <message>
        <source>{path} can only be read: the file is read-only for you. Nothing was changed. To change it, get write access to it, or copy it somewhere you can write to.</source>
        <translation>{path} 只能读取：你对该文件只有读取权限。未做任何改动。要修改它，请取得写入权限，或把它复制到可以写入的位置。</translation>
    </message>
    <message>
        <source>{path} can only be read: its folder is read-only for you (SQLite writes its journal beside the file). Nothing was changed. To change it, get write access to the folder, or copy the file somewhere you can write to.</source>
        <translation>{path} 只能读取：你对它所在的文件夹只有读取权限（SQLite 需要在文件旁写入日志）。未做任何改动。要修改它，请取得该文件夹的写入权限，或把文件复制到可以写入的位置。</translation>
    </message>
    <message>
        <source>{path} is damaged, so camdesk opened it read-only: what can be read is shown, and nothing is written to it that could spread the damage. Save a recovered copy (every row that can be read, in a new file) and work on that, or open your latest backup.</source>
        <translation>{path} 已损坏，因此 camdesk 以只读方式打开了它：能读出的内容照常显示，不会写入任何可能扩大损坏的内容。请保存一份恢复副本（把所有能读出的记录存入新文件）并在副本上继续工作，或打开最近的备份。</translation>
    </message>
    <message>
        <source>“{value}” is not a repeat rule camdesk understands (an iCalendar RRULE such as FREQ=WEEKLY;BYDAY=MO).</source>
        <translation>“{value}”不是 camdesk 能识别的重复规则（应为 iCalendar RRULE，例如 FREQ=WEEKLY;BYDAY=MO）。</translation>
    </message>
    <message>
        <source>A follow-up repeats at most once a day; “{value}” repeats more often.</source>
        <translation>回访最多每天重复一次；“{value}”重复得更频繁。</translation>
    </message>
    <message>
        <source>Repeat every 1 to 999 days, weeks, months or years.</source>
        <translation>重复间隔应为 1 到 999 天、周、月或年。</translation>
    </message>
    <message>
        <source>Choose who takes it on.</source>
        <translation>请选择由谁负责处理。</translation>
    </message>
    <message>
        <source>Say how it was resolved.</source>
        <translation>请填写处理结果。</translation>
    </message>
    <message>
        <source>“{value}” is not one of the team&apos;s categories.</source>
        <translation>“{value}”不在团队的分类列表中。</translation>
    </message>
    <message>
        <source>“{value}” is not a channel camdesk knows.</source>
        <translation>camdesk 不认识渠道“{value}”。</translation>
    </message>
    <message>
        <source>That order is not this customer&apos;s.</source>
        <translation>该订单不属于这位客户。</translation>
    </message>
    <message>
        <source>Choose complaint, suggestion, praise or question.</source>
        <translation>请选择投诉、建议、表扬或咨询。</translation>
    </message>
    <message>
        <source>Choose urgent, high, normal or low.</source>
        <translation>请选择紧急、高、普通或低。</translation>
    </message>
    <message>
        <source>“{value}” is not one of the team&apos;s churn reasons.</source>
        <translation>“{value}”不在团队的流失原因列表中。</translation>
    </message>
    <message>
        <source>A survey asks CSAT, NPS or at least one question.</source>
        <translation>问卷至少要问 CSAT、NPS 或一个问题。</translation>
    </message>
    <message>
        <source>CSAT is a whole number from 1 to 5, not “{value}”.</source>
        <translation>CSAT 是 1 到 5 的整数，不能是“{value}”。</translation>
    </message>
    <message>
        <source>NPS is a whole number from 0 to 10, not “{value}”.</source>
        <translation>NPS 是 0 到 10 的整数，不能是“{value}”。</translation>
    </message>
    <message>
        <source>This survey does not ask for it.</source>
        <translation>这份问卷不问这一项。</translation>
    </message>
    <message>
        <source>Give a score, an answer or a comment.</source>
        <translation>请填写评分、回答或意见。</translation>
    </message>
    <message>
        <source>A response can rate only this customer&apos;s resolved feedback.</source>
        <translation>答卷只能评价该客户已解决的反馈。</translation>
    </message>
    <message>
        <source>Another survey is called “{value}”.</source>
        <translation>已有问卷叫“{value}”。</translation>
    </message>
    <message>
        <source>Give a whole number from {low} to {high}.</source>
        <translation>请输入 {low} 到 {high} 之间的整数。</translation>
    </message>
    <message>
        <source>Every entry of the list needs a name.</source>
        <translation>列表中的每一项都需要名称。</translation>
    </message>
    <message>
        <source>“{value}” is in the list twice.</source>
        <translation>“{value}”在列表中出现了两次。</translation>
    </message>
    <message>
        <source>Keep at least one entry offered.</source>
        <translation>请至少保留一项可选用。</translation>
    </message>
    <message>
        <source>No customer has this code, phone or email: import or add the customer first, then these answers.</source>
        <translation>没有客户使用此编号、电话或邮箱：请先导入或新建该客户，再导入这些答复。</translation>
    </message>
    <message>
        <source>Say which survey the answers belong to: map a survey column, or name one.</source>
        <translation>请说明答复属于哪个问卷：对应问卷列，或填写问卷名称。</translation>
    </message>
    <message>
        <source>There is a field called {label} already.</source>
        <translation>已有名为“{label}”的字段。</translation>
    </message>
    <message>
        <source>A choice field needs at least one choice.</source>
        <translation>选项字段至少需要一个选项。</translation>
    </message>
    <message>
        <source>Choose text, number, date or choice.</source>
        <translation>请选择文本、数字、日期或选项。</translation>
    </message>
    <message>
        <source>Enter the tag.</source>
        <translation>请输入标签。</translation>
    </message>
    <message>
        <source>There is a tag called {name} already: merge the two instead of renaming.</source>
        <translation>已有名为“{name}”的标签：请把两者合并，而不是重命名。</translation>
    </message>
    <message>
        <source>“{value}” is not a colour (use #RRGGBB).</source>
        <translation>“{value}”不是颜色（请用 #RRGGBB）。</translation>
    </message>
    <message>
        <source>Choose another tag to merge {name} into.</source>
        <translation>请选择另一个标签来合并“{name}”。</translation>
    </message>
    <message>
        <source>This import was undone already ({undone_at}). Nothing was changed.</source>
        <translation>这次导入已于 {undone_at} 撤销，未做任何改动。</translation>
    </message>
    <message>
        <source>{old} cannot become {new}: rename a choice to a new one that is in the list.</source>
        <translation>“{old}”不能改为“{new}”：请把选项改成列表中一个新的选项名称。</translation>
    </message>
</context>
<context>
    <name>feedback</name>
    <message>
        <source>Product quality</source>
        <translation>产品质量</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>物流配送</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Service attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Went to a competitor</source>
        <translation>转向竞争对手</translation>
    </message>
    <message>
        <source>Moved away</source>
        <translation>搬迁离开</translation>
    </message>
    <message>
        <source>No longer needs it</source>
        <translation>不再需要</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>assigned</source>
        <translation>已分派</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>customer informed</source>
        <translation>已告知客户</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
</context>
<context>
    <name>festival</name>
    <message>
        <source>New Year&apos;s Day</source>
        <translation>元旦</translation>
    </message>
    <message>
        <source>Spring Festival</source>
        <translation>春节</translation>
    </message>
    <message>
        <source>Lantern Festival</source>
        <translation>元宵节</translation>
    </message>
    <message>
        <source>Women&apos;s Day</source>
        <translation>妇女节</translation>
    </message>
    <message>
        <source>Qingming Festival</source>
        <translation>清明节</translation>
    </message>
    <message>
        <source>Labour Day</source>
        <translation>劳动节</translation>
    </message>
    <message>
        <source>Dragon Boat Festival</source>
        <translation>端午节</translation>
    </message>
    <message>
        <source>Qixi Festival</source>
        <translation>七夕节</translation>
    </message>
    <message>
        <source>Mid-Autumn Festival</source>
        <translation>中秋节</translation>
    </message>
    <message>
        <source>National Day</source>
        <translation>国庆节</translation>
    </message>
    <message>
        <source>Double Ninth Festival</source>
        <translation>重阳节</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>选项</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>Name</source>
        <translation>姓名/名称</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>Customer code</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Type (person or company)</source>
        <translation>类型（个人或企业）</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Lunar birthday</source>
        <translation>农历生日</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Company size</source>
        <translation>公司规模</translation>
    </message>
    <message>
        <source>Source channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>偏好</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Order date</source>
        <translation>下单日期</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>品类</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Contact method</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>问卷</translation>
    </message>
    <message>
        <source>NPS (0-10)</source>
        <translation>推荐意愿 NPS（0-10）</translation>
    </message>
    <message>
        <source>Satisfaction (CSAT 1-5)</source>
        <translation>满意度 CSAT（1-5）</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>答复时间</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
</context>
<context>
    <name>imports</name>
    <message>
        <source>changed since the import</source>
        <translation>导入之后有人改过</translation>
    </message>
    <message>
        <source>the file was edited since the import: kept</source>
        <translation>导入之后档案被编辑过：保留</translation>
    </message>
    <message>
        <source>no longer there</source>
        <translation>已不存在</translation>
    </message>
    <message>
        <source>field made by the import: kept, it holds values or was changed since</source>
        <translation>导入新建的字段：已保留，因为仍有客户填写了该字段或之后被修改过</translation>
    </message>
</context>
<context>
    <name>rfm</name>
    <message>
        <source>Champions</source>
        <translation>冠军客户</translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation>忠诚客户</translation>
    </message>
    <message>
        <source>Potential loyalist</source>
        <translation>潜力忠诚客户</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Promising</source>
        <translation>有潜力客户</translation>
    </message>
    <message>
        <source>Need attention</source>
        <translation>需关注客户</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>流失风险客户</translation>
    </message>
    <message>
        <source>Can&apos;t lose them</source>
        <translation>不能失去的客户</translation>
    </message>
    <message>
        <source>Hibernating</source>
        <translation>沉睡客户</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>已流失客户</translation>
    </message>
    <message>
        <source>Bought recently, buy often and spend the most.</source>
        <translation>最近购买过，购买频繁，消费最多。</translation>
    </message>
    <message>
        <source>Buy regularly and spend well.</source>
        <translation>定期购买，消费可观。</translation>
    </message>
    <message>
        <source>Recent customers with average frequency and spend.</source>
        <translation>近期有购买，频次和消费中等。</translation>
    </message>
    <message>
        <source>Bought very recently, once or little.</source>
        <translation>刚刚购买，次数或金额很少。</translation>
    </message>
    <message>
        <source>Recent, but have not bought much yet.</source>
        <translation>近期有购买，但买得还不多。</translation>
    </message>
    <message>
        <source>Middling recency, frequency and spend: about to slip.</source>
        <translation>最近购买时间、频次和消费都居中：即将下滑。</translation>
    </message>
    <message>
        <source>Bought often and spent well, but not for a long time.</source>
        <translation>曾经购买频繁、消费可观，但已很久没有购买。</translation>
    </message>
    <message>
        <source>Among the biggest spenders, but have not bought for a long time.</source>
        <translation>属于消费最多的客户，但已很久没有购买。</translation>
    </message>
    <message>
        <source>Last bought long ago, little and rarely.</source>
        <translation>很久以前买过，买得少且不频繁。</translation>
    </message>
    <message>
        <source>Lowest recency, frequency and spend.</source>
        <translation>最近购买时间、频次和消费都最低。</translation>
    </message>
</context>
<context>
    <name>stage</name>
    <message>
        <source>Potential</source>
        <translation>潜在</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>活跃</translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation>忠诚客户</translation>
    </message>
    <message>
        <source>Silent</source>
        <translation>沉默</translation>
    </message>
    <message>
        <source>Churned</source>
        <translation>流失</translation>
    </message>
    <message>
        <source>No order yet.</source>
        <translation>还没有订单。</translation>
    </message>
    <message>
        <source>Last order {days} days ago, more than the {limit} days after which a customer counts as churned.</source>
        <translation>最近一次下单在 {days} 天前，超过了判定为流失的 {limit} 天。</translation>
    </message>
    <message>
        <source>Last order {days} days ago and no contact for {contact} days, more than the {limit} days after which a customer counts as silent.</source>
        <translation>最近一次下单在 {days} 天前，且已 {contact} 天没有联系，超过了判定为沉默的 {limit} 天。</translation>
    </message>
    <message>
        <source>First order {first} days ago, within the {limit} days a customer counts as new.</source>
        <translation>首次下单在 {first} 天前，仍在新客户期 {limit} 天之内。</translation>
    </message>
    <message>
        <source>Ordered on {purchases} days, at least the {limit} that make a customer loyal, and last ordered {days} days ago.</source>
        <translation>共有 {purchases} 天下过单，达到忠诚客户所需的 {limit} 天；最近一次下单在 {days} 天前。</translation>
    </message>
    <message>
        <source>Last order {days} days ago, within the {limit} days of an active customer.</source>
        <translation>最近一次下单在 {days} 天前，在活跃客户的 {limit} 天之内。</translation>
    </message>
</context>
<context>
    <name>tier</name>
    <message>
        <source>High value</source>
        <translation>高价值</translation>
    </message>
    <message>
        <source>Mid value</source>
        <translation>中价值</translation>
    </message>
    <message>
        <source>Low value</source>
        <translation>低价值</translation>
    </message>
    <message>
        <source>ABC class</source>
        <translation>ABC 分类</translation>
    </message>
    <message>
        <source>RFM total (R + F + M)</source>
        <translation>RFM 总分（R + F + M）</translation>
    </message>
    <message>
        <source>Recency score R</source>
        <translation>最近购买得分 R</translation>
    </message>
    <message>
        <source>Frequency score F</source>
        <translation>购买频次得分 F</translation>
    </message>
    <message>
        <source>Monetary score M</source>
        <translation>消费金额得分 M</translation>
    </message>
    <message>
        <source>Predicted value, next 12 months (¥)</source>
        <translation>预测价值，未来 12 个月（元）</translation>
    </message>
    <message>
        <source>Revenue to date (¥)</source>
        <translation>累计消费（元）</translation>
    </message>
    <message>
        <source>Days with an order</source>
        <translation>下单天数</translation>
    </message>
    <message>
        <source>Probability still active</source>
        <translation>仍然活跃的概率</translation>
    </message>
    <message>
        <source>Dedicated account manager; birthday and holiday gifts; priority service</source>
        <translation>专属客户经理；生日和节日礼品；优先服务</translation>
    </message>
    <message>
        <source>Holiday greetings; member offers</source>
        <translation>节日问候；会员优惠</translation>
    </message>
    <message>
        <source>Newsletters and promotions</source>
        <translation>资讯和促销推送</translation>
    </message>
    <message>
        <source>None of the rules for high or mid value applied.</source>
        <translation>不符合高价值或中价值的任何规则。</translation>
    </message>
    <message>
        <source>{measure} {op} {limit}: this customer has {value}.</source>
        <translation>{measure} {op} {limit}：该客户为 {value}。</translation>
    </message>
    <message>
        <source>The tier rules changed after the last recompute; recompute to apply them.</source>
        <translation>上次重新计算后分层规则已修改；请重新计算以应用新规则。</translation>
    </message>
</context>
</TS>
