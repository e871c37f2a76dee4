<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CaseBrowser</name>
    <message>
        <source>The month&apos;s review round (例会), or every case in the database</source>
        <translation>本月评查轮次（例会），或数据库中的全部案卷</translation>
    </message>
    <message>
        <source>Search case no., party, unit, handler… (Ctrl+F)</source>
        <translation>搜索文号、当事人、单位、承办人…（Ctrl+F）</translation>
    </message>
    <message>
        <source>Show only cases in this status</source>
        <translation>只显示该状态的案卷</translation>
    </message>
    <message>
        <source>Only cases assigned to me</source>
        <translation>只看分配给我的</translation>
    </message>
    <message>
        <source>Cases of the round assigned to you for review, and those you have reviewed</source>
        <translation>本轮分配给我评查的案卷，以及我已评查过的案卷</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>评查轮次</translation>
    </message>
    <message>
        <source>{month}&#x3000;{title}&#x3000;{n} cases, {status}</source>
        <translation>{month}&#x3000;{title}&#x3000;{n} 件，{status}</translation>
    </message>
    <message>
        <source>All cases (no round)</source>
        <translation>全部案卷（不限轮次）</translation>
    </message>
    <message>
        <source>No cases here yet. Import a month&apos;s case files (File ▸ Import, Ctrl+I), or choose another round.</source>
        <translation>这里还没有案卷。请导入本月案卷（文件 → 导入案卷，Ctrl+I），或选择其他评查轮次。</translation>
    </message>
    <message>
        <source>All statuses ({n})</source>
        <translation>全部状态（{n}）</translation>
    </message>
    <message>
        <source>{n} cases</source>
        <translation>共 {n} 件</translation>
    </message>
    <message>
        <source>{shown} of {n} cases shown</source>
        <translation>显示 {shown} 件，共 {n} 件</translation>
    </message>
</context>
<context>
    <name>CaseInfoDialog</name>
    <message>
        <source>Case facts: {case}</source>
        <translation>案件信息：{case}</translation>
    </message>
    <message>
        <source>{n} field(s) read differently from the case register and the case file (red): both values are kept, none was chosen for you.</source>
        <translation>{n} 项信息在案件台账与卷宗中不一致（红色）：两个值都保留，未替您取舍。</translation>
    </message>
    <message>
        <source>{n} facts read from the case file and the register; double-click a row to see its page.</source>
        <translation>从卷宗和台账读取的信息 {n} 项；双击一行可查看所在页。</translation>
    </message>
</context>
<context>
    <name>CaseInfoModel</name>
    <message>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>页</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>case file</source>
        <translation>卷宗</translation>
    </message>
    <message>
        <source>case register</source>
        <translation>案件台账</translation>
    </message>
    <message>
        <source>case.json</source>
        <translation>案件信息文件</translation>
    </message>
    <message>
        <source>entered by hand</source>
        <translation>人工录入</translation>
    </message>
    <message>
        <source>folder name</source>
        <translation>文件夹名</translation>
    </message>
    <message>
        <source>file name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>The register and the case file disagree: both values are kept; check the page</source>
        <translation>台账与卷宗不一致：两个值都保留，请查看所在页</translation>
    </message>
</context>
<context>
    <name>CasePickerDialog</name>
    <message>
        <source>Case no.</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>案件类型</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Handlers</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <source>Add a case to the round</source>
        <translation>向本轮补充案卷</translation>
    </message>
    <message>
        <source>Search case no., type, unit or handler</source>
        <translation>搜索文号、案件类型、承办单位或承办人</translation>
    </message>
    <message>
        <source>Required: why the case is added by hand (kept in the audit trail)</source>
        <translation>必填：手工补充本案的理由（记入操作记录）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Choose a case in the list.</source>
        <translation>请在列表中选择一件案卷。</translation>
    </message>
    <message>
        <source>Say why the case is added by hand.</source>
        <translation>请说明手工补充本案的理由。</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Case no.</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>案件类型</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>办案单位</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Handlers</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>My progress</source>
        <translation>我的进度</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等次</translation>
    </message>
    <message>
        <source>My score</source>
        <translation>我的得分</translation>
    </message>
    <message>
        <source>My grade</source>
        <translation>我的等次</translation>
    </message>
    <message>
        <source>{pages} pages, {recordings} recordings</source>
        <translation>{pages} 页，{recordings} 段录像</translation>
    </message>
    <message>
        <source>A file of this case is missing or has changed</source>
        <translation>该案卷有文件缺失或已被改动</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <source>Item</source>
        <translation>评查项目</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Deducted</source>
        <translation>扣分</translation>
    </message>
    <message>
        <source>{done}/{total} done</source>
        <translation>已评 {done}/{total}</translation>
    </message>
    <message>
        <source>{score} left</source>
        <translation>得 {score} 分</translation>
    </message>
    <message>
        <source>[Veto] </source>
        <translation>【否决】</translation>
    </message>
    <message>
        <source>veto</source>
        <translation>否决</translation>
    </message>
    <message>
        <source>What to look at: {text}</source>
        <translation>评查要点：{text}</translation>
    </message>
    <message>
        <source>Basis: {text}</source>
        <translation>依据：{text}</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <source>Choose an item (J/K or ↓/↑) and rate it: P pass, D deduct, N not applicable.</source>
        <translation>选择评查项目（J/K 或 ↓/↑），再评定：P 符合，D 扣分，N 不适用。</translation>
    </message>
    <message>
        <source>What to look at:</source>
        <translation>评查要点：</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>相关文书：</translation>
    </message>
    <message>
        <source>not found in the file</source>
        <translation>卷内未见</translation>
    </message>
    <message>
        <source>Cited:</source>
        <translation>引用：</translation>
    </message>
    <message>
        <source>(G jumps there)</source>
        <translation>（按 G 跳转）</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Basis:</source>
        <translation>依据：</translation>
    </message>
    <message>
        <source>p. {pages}</source>
        <translation>第 {pages} 页</translation>
    </message>
    <message>
        <source> ({n} occurrences)</source>
        <translation>（{n} 处）</translation>
    </message>
    <message>
        <source>page {n}</source>
        <translation>第 {n} 页</translation>
    </message>
    <message>
        <source>Saved {time} by {who}</source>
        <translation>{who} 保存于 {time}</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Declare a conflict of interest (回避)</source>
        <translation>申报回避</translation>
    </message>
    <message>
        <source>A declared conflict keeps you off these cases in future assignments; if you are already assigned, the legal officer is told to change the reviewers.</source>
        <translation>申报回避后，今后分配不再安排您评查这些案卷；如已分配给您，法制员会看到提示并调整评查人。</translation>
    </message>
    <message>
        <source>This case: {case}</source>
        <translation>本案：{case}</translation>
    </message>
    <message>
        <source>Every case of {unit}</source>
        <translation>{unit}的全部案卷</translation>
    </message>
    <message>
        <source>With</source>
        <translation>回避对象</translation>
    </message>
    <message>
        <source>Required: e.g. the party is a relative (kept with the declaration)</source>
        <translation>必填：如当事人系本人亲属（随申报保存）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Give the reason for the conflict of interest.</source>
        <translation>请填写回避理由。</translation>
    </message>
</context>
<context>
    <name>DecideDialog</name>
    <message>
        <source>Agreed result of {item}</source>
        <translation>{item} 的会商结论</translation>
    </message>
    <message>
        <source>{reviewer}&apos;s finding: {result}</source>
        <translation>采纳{reviewer}的意见：{result}</translation>
    </message>
    <message>
        <source>The meeting: pass (符合)</source>
        <translation>会议认定：符合</translation>
    </message>
    <message>
        <source>The meeting&apos;s own deduction (points and reason next)…</source>
        <translation>例会自行认定扣分（下一步填写分值和理由）…</translation>
    </message>
    <message>
        <source>The meeting: not applicable (不适用)</source>
        <translation>会议认定：不适用</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Why the meeting decided so (kept with the result)</source>
        <translation>会议认定的理由（随结论保存）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>DeductionDialog</name>
    <message>
        <source>Deduct: {item}</source>
        <translation>扣分：{item}</translation>
    </message>
    <message>
        <source>This is a veto item: a deduction here applies {veto}.</source>
        <translation>此项为否决项：评为扣分即适用“{veto}”。</translation>
    </message>
    <message>
        <source>how many?</source>
        <translation>几处？</translation>
    </message>
    <message>
        <source>How many times the problem occurs in the file</source>
        <translation>该问题在卷中出现的处数</translation>
    </message>
    <message>
        <source>Occurrences</source>
        <translation>处数</translation>
    </message>
    <message>
        <source>choose {min}–{max}</source>
        <translation>请在 {min}–{max} 分间选择</translation>
    </message>
    <message>
        <source>Points to deduct</source>
        <translation>扣分分值</translation>
    </message>
    <message>
        <source>Deduction</source>
        <translation>本项扣分</translation>
    </message>
    <message>
        <source>Required: pick a common phrasing or write your own</source>
        <translation>必填：选择常用表述或自行填写</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>扣分理由</translation>
    </message>
    <message>
        <source>e.g. 3, 5-7</source>
        <translation>如 3, 5-7</translation>
    </message>
    <message>
        <source>Pages of the case file that show the problem; the page on screen is filled in</source>
        <translation>问题所在的卷宗页码；已自动填入当前页</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页码</translation>
    </message>
    <message>
        <source>Cited recording times</source>
        <translation>已引用的录像时间点</translation>
    </message>
    <message>
        <source>Cite {name} at {time}</source>
        <translation>引用录像“{name}”{time} 处</translation>
    </message>
    <message>
        <source>No recording is open in the player</source>
        <translation>播放器中未打开录像</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>录像</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Required: the review was reopened after submission</source>
        <translation>必填：本评查提交后被重新打开</translation>
    </message>
    <message>
        <source>Why change it</source>
        <translation>修改原因</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>保存（Enter）</translation>
    </message>
    <message>
        <source>Enter how many times the problem occurs (each deducts {per}).</source>
        <translation>请填写问题出现的处数（每处扣 {per} 分）。</translation>
    </message>
    <message>
        <source>Choose the points to deduct between {min} and {max}.</source>
        <translation>请在 {min} 至 {max} 分之间选择扣分。</translation>
    </message>
    <message>
        <source>−{points} points</source>
        <translation>扣 {points} 分</translation>
    </message>
    <message>
        <source>{per} × {n} = −{points} points</source>
        <translation>{per} × {n} 处 = 扣 {points} 分</translation>
    </message>
    <message>
        <source> (capped at {cap})</source>
        <translation>（以 {cap} 分为限）</translation>
    </message>
    <message>
        <source>(total then {total}, {grade})</source>
        <translation>（扣后总分 {total}，{grade}）</translation>
    </message>
    <message>
        <source>A deduction needs its reason.</source>
        <translation>扣分必须写明理由。</translation>
    </message>
    <message>
        <source>Say why you change a submitted review.</source>
        <translation>请说明修改已提交评查的原因。</translation>
    </message>
</context>
<context>
    <name>DocTypeCombo</name>
    <message>
        <source>(unrecognised document)</source>
        <translation>（未识别文书）</translation>
    </message>
</context>
<context>
    <name>DocumentIndexModel</name>
    <message>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页码</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>{n} pages</source>
        <translation>{n} 页</translation>
    </message>
    <message>
        <source>Unrecognised document</source>
        <translation>未识别文书</translation>
    </message>
    <message>
        <source>{title}, pages {first}–{last} ({source})</source>
        <translation>{title}，第 {first}–{last} 页（{source}）</translation>
    </message>
    <message>
        <source>As found in the file: {title}</source>
        <translation>卷中标题：{title}</translation>
    </message>
</context>
<context>
    <name>DocumentIndexPanel</name>
    <message>
        <source>Change the type…</source>
        <translation>更改文书类型…</translation>
    </message>
    <message>
        <source>Split at the page on screen…</source>
        <translation>从当前页拆分…</translation>
    </message>
    <message>
        <source>Merge the selected documents</source>
        <translation>合并所选文书</translation>
    </message>
    <message>
        <source>Add a page range…</source>
        <translation>新增页码范围…</translation>
    </message>
    <message>
        <source>Mark pages as one document, e.g. a scanned paper with no bookmark</source>
        <translation>将若干页标为一份文书，例如没有书签的扫描件</translation>
    </message>
    <message>
        <source>Remove from the index</source>
        <translation>从目录中移除</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>卷内文书</translation>
    </message>
    <message>
        <source>Fix the index</source>
        <translation>修正目录</translation>
    </message>
    <message>
        <source>Retag, split, merge or add page ranges; saved and marked manual</source>
        <translation>更改类型、拆分、合并或新增页码范围；立即保存并标为“人工”</translation>
    </message>
    <message>
        <source>Select one document in the index first.</source>
        <translation>请先在目录中选中一份文书。</translation>
    </message>
    <message>
        <source>Change the document type</source>
        <translation>更改文书类型</translation>
    </message>
    <message>
        <source>Go to the first page of the new document inside the one to split, then split.</source>
        <translation>请先翻到新文书的第一页（须在要拆分的文书之内），再拆分。</translation>
    </message>
    <message>
        <source>Split: pages {first}–{last} become a new document</source>
        <translation>拆分：第 {first}–{last} 页另作一份文书</translation>
    </message>
    <message>
        <source>Select two or more adjacent documents (Ctrl+click) to merge them.</source>
        <translation>请选中两份或以上相邻的文书（Ctrl+单击）再合并。</translation>
    </message>
    <message>
        <source>Add a page range</source>
        <translation>新增页码范围</translation>
    </message>
    <message>
        <source>Remove {title} (pages {first}–{last}) from the index? The pages stay in the file.</source>
        <translation>从目录中移除“{title}”（第 {first}–{last} 页）？卷宗页面本身不受影响。</translation>
    </message>
</context>
<context>
    <name>FileBanner</name>
    <message>
        <source>Locate the file…</source>
        <translation>定位文件…</translation>
    </message>
    <message>
        <source>Show it anyway</source>
        <translation>仍然查看</translation>
    </message>
    <message>
        <source>Show the file as it is now; cited pages may not match the imported file</source>
        <translation>按文件现状显示；引用的页码可能与导入时不一致</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History of the review of {case} by {reviewer}</source>
        <translation>评查记录：{case}（评查人 {reviewer}）</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>{n} events, {changes} changes of results</source>
        <translation>共 {n} 条记录，其中结论变更 {changes} 次</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>变更前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>变更后</translation>
    </message>
    <message>
        <source>Reason for the change</source>
        <translation>修改原因</translation>
    </message>
    <message>
        <source>Started the review</source>
        <translation>开始评查</translation>
    </message>
    <message>
        <source>Rated an item</source>
        <translation>评定项目</translation>
    </message>
    <message>
        <source>Edited a note</source>
        <translation>修改备注</translation>
    </message>
    <message>
        <source>Cleared an item</source>
        <translation>清除结论</translation>
    </message>
    <message>
        <source>Marked the rest as passing</source>
        <translation>其余全部评为符合</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source> ({n}×)</source>
        <translation>（{n} 处）</translation>
    </message>
    <message>
        <source>: {reason}</source>
        <translation>：{reason}</translation>
    </message>
    <message>
        <source> [p. {pages}]</source>
        <translation>［第 {pages} 页］</translation>
    </message>
    <message>
        <source> — note: {note}</source>
        <translation>；备注：{note}</translation>
    </message>
    <message>
        <source>{n} items</source>
        <translation>{n} 项</translation>
    </message>
    <message>
        <source>total {total}, {grade}</source>
        <translation>总分 {total}，{grade}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import case files</source>
        <translation>导入案卷</translation>
    </message>
    <message>
        <source>Add a month&apos;s folder (one sub-folder per case, PDFs and recordings), case folders or single PDFs. Files already imported are recognised and not duplicated.</source>
        <translation>添加当月文件夹（每件案卷一个子文件夹，内含 PDF 和录像）、单个案卷文件夹或 PDF 文件。已导入的文件会被识别，不会重复导入。</translation>
    </message>
    <message>
        <source>Add a folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>Add PDF files…</source>
        <translation>添加 PDF 文件…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Optional: the case register (案件台账, .xlsx or .csv)</source>
        <translation>选填：案件台账（.xlsx 或 .csv）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>案件台账</translation>
    </message>
    <message>
        <source>Only for password-protected PDFs</source>
        <translation>仅用于有密码的 PDF</translation>
    </message>
    <message>
        <source>PDF password</source>
        <translation>PDF 密码</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>A month&apos;s folder or a case folder</source>
        <translation>当月文件夹或案卷文件夹</translation>
    </message>
    <message>
        <source>Case files</source>
        <translation>案卷文件</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Case register</source>
        <translation>案件台账</translation>
    </message>
    <message>
        <source>Registers (*.xlsx *.csv);;All files (*)</source>
        <translation>台账 (*.xlsx *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Add at least one folder or file.</source>
        <translation>请至少添加一个文件夹或文件。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>{done} of {total} files: {name}</source>
        <translation>第 {done}/{total} 个文件：{name}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Cancelled; cases already written are kept.</source>
        <translation>已取消；已写入的案卷予以保留。</translation>
    </message>
    <message>
        <source>The import stopped: {error}</source>
        <translation>导入中止：{error}</translation>
    </message>
    <message>
        <source>Cancelling… cases already written are kept.</source>
        <translation>正在取消…已写入的案卷予以保留。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Case-file review</source>
        <translation>执法案卷评查</translation>
    </message>
    <message>
        <source>Open a database…</source>
        <translation>打开数据库…</translation>
    </message>
    <message>
        <source>Import case files…</source>
        <translation>导入案卷…</translation>
    </message>
    <message>
        <source>Import a month&apos;s case files, with progress and cancel</source>
        <translation>导入本月案卷（显示进度，可取消）</translation>
    </message>
    <message>
        <source>Switch user…</source>
        <translation>切换用户…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Review the selected case</source>
        <translation>评查所选案卷</translation>
    </message>
    <message>
        <source>Open the case for review (Enter or double-click)</source>
        <translation>打开案卷进行评查（Enter 或双击）</translation>
    </message>
    <message>
        <source>Refresh the list</source>
        <translation>刷新列表</translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation>搜索案卷</translation>
    </message>
    <message>
        <source>Score sheet of this review (PDF)…</source>
        <translation>本案评查表（PDF）…</translation>
    </message>
    <message>
        <source>Monthly bulletin (PDF)…</source>
        <translation>月度评查通报（PDF）…</translation>
    </message>
    <message>
        <source>Round and meeting (例会)…</source>
        <translation>评查轮次与例会…</translation>
    </message>
    <message>
        <source>Legal officers: the round&apos;s assignment, the meeting that reconciles the reviews, finalisation, calibration</source>
        <translation>法制员：本轮分配、例会会商分歧、定稿、评查员校准</translation>
    </message>
    <message>
        <source>New round for a month…</source>
        <translation>新建月度评查轮次…</translation>
    </message>
    <message>
        <source>Legal officers: create the month&apos;s round, its cases drawn by the selection rule (seeded, reproducible)</source>
        <translation>法制员：新建本月评查轮次，按抽取规则抽取案卷（记录随机种子，可复核）</translation>
    </message>
    <message>
        <source>Declare a conflict of interest (回避)…</source>
        <translation>申报回避…</translation>
    </message>
    <message>
        <source>You have a conflict with the selected case or its unit: declare it, and the assignment avoids you</source>
        <translation>与所选案卷或其承办单位存在利害关系时申报回避，分配时将予以避开</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键一览</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Recent databases</source>
        <translation>最近使用的数据库</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>评查(&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;ports</source>
        <translation>报告(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Opening {db}…</source>
        <translation>正在打开 {db}…</translation>
    </message>
    <message>
        <source>Opened {db}</source>
        <translation>已打开 {db}</translation>
    </message>
    <message>
        <source>Open a database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>{db} could not be opened:
{error}</source>
        <translation>无法打开 {db}：
{error}</translation>
    </message>
    <message>
        <source>Review databases (*.sqlite *.db);;All files (*)</source>
        <translation>评查数据库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <source>Who are you?</source>
        <translation>我是谁</translation>
    </message>
    <message>
        <source>This database has no users yet. Add them with `review-tool user add`, or seed the demo data with `review-tool demo`.</source>
        <translation>该数据库还没有用户。请用 `review-tool user add` 添加，或用 `review-tool demo` 生成演示数据。</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>已保存 {time}</translation>
    </message>
    <message>
        <source>NOT saved</source>
        <translation>未保存！</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Case-file review (执法案卷评查) {version}
Database: {db}</source>
        <translation>执法案卷评查 {version}
数据库：{db}</translation>
    </message>
    <message>
        <source>Round and meeting</source>
        <translation>评查轮次与例会</translation>
    </message>
    <message>
        <source>Only a legal officer (法制员) manages the round and chairs the meeting.</source>
        <translation>评查轮次和例会由法制员管理和主持。</translation>
    </message>
    <message>
        <source>Choose a month&apos;s round in the case list first.</source>
        <translation>请先在案卷列表中选择月度评查轮次。</translation>
    </message>
    <message>
        <source>Declare a conflict of interest (回避)</source>
        <translation>申报回避</translation>
    </message>
    <message>
        <source>Select the case in the list first.</source>
        <translation>请先在列表中选择案卷。</translation>
    </message>
    <message>
        <source>Declared: {target} ({reason}).</source>
        <translation>已申报回避：{target}（{reason}）。</translation>
    </message>
    <message>
        <source>You are still assigned to {cases}: the legal officer sees it flagged in the round and will change the reviewers.</source>
        <translation>您目前仍被分配评查 {cases}：法制员会在评查轮次中看到提示并调整评查人。</translation>
    </message>
    <message>
        <source>New round for a month</source>
        <translation>新建月度评查轮次</translation>
    </message>
    <message>
        <source>Only a legal officer (法制员) creates the month&apos;s round.</source>
        <translation>只有法制员可以新建月度评查轮次。</translation>
    </message>
    <message>
        <source>The round for {month} holds {n} cases (rule {rule}, seed {seed}). Next: propose the assignment in the round window.</source>
        <translation>{month} 评查轮次已建立，共 {n} 件案卷（抽取规则 {rule}，随机种子 {seed}）。下一步：在轮次窗口中生成分配方案。</translation>
    </message>
</context>
<context>
    <name>MeetingWindow</name>
    <message>
        <source>deduct {points}</source>
        <translation>扣 {points}</translation>
    </message>
    <message>
        <source>Case no.</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>案件类型</translation>
    </message>
    <message>
        <source>Handlers</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>Handlers&apos; unit</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Reviewers</source>
        <translation>评查员</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>平均分</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>定稿分</translation>
    </message>
    <message>
        <source>To discuss</source>
        <translation>需会商</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>评查员</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案卷数</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <source>Recording minutes</source>
        <translation>音像分钟</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>评查中</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>评查项目</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Mean deviation (points)</source>
        <translation>平均偏差（分）</translation>
    </message>
    <message>
        <source>Tendency</source>
        <translation>倾向</translation>
    </message>
    <message>
        <source>Item agreement</source>
        <translation>逐项一致率</translation>
    </message>
    <message>
        <source>Kappa</source>
        <translation>Kappa 系数</translation>
    </message>
    <message>
        <source>Round and meeting</source>
        <translation>评查轮次与例会</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Propose assignment</source>
        <translation>生成分配方案</translation>
    </message>
    <message>
        <source>Deploy to reviewers</source>
        <translation>下发评查员</translation>
    </message>
    <message>
        <source>Why these reviewers?</source>
        <translation>为何这样分配？</translation>
    </message>
    <message>
        <source>Change reviewers…</source>
        <translation>调整评查人…</translation>
    </message>
    <message>
        <source>Add a case…</source>
        <translation>补充案卷…</translation>
    </message>
    <message>
        <source>Remove from the round…</source>
        <translation>移出本轮…</translation>
    </message>
    <message>
        <source>Discuss this case (Enter)</source>
        <translation>会商此案（回车）</translation>
    </message>
    <message>
        <source>Cases and reviewers</source>
        <translation>案卷与评查员</translation>
    </message>
    <message>
        <source>Choose a case on the first tab (Enter).</source>
        <translation>请在第一页选择案卷（回车）。</translation>
    </message>
    <message>
        <source>Accept every agreed item</source>
        <translation>采纳全部一致项</translation>
    </message>
    <message>
        <source>Decide this item… (Enter)</source>
        <translation>裁定此项…（回车）</translation>
    </message>
    <message>
        <source>Next case to discuss</source>
        <translation>下一件需会商案卷</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>例会会商</translation>
    </message>
    <message>
        <source>Available / not available…</source>
        <translation>可参评 / 不参评…</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>工作量</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>评查员校准</translation>
    </message>
    <message>
        <source>Finalise the round…</source>
        <translation>定稿…</translation>
    </message>
    <message>
        <source>Reopen the round…</source>
        <translation>重新开启…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{month} {title} — {status}; {n} cases, {flagged} to discuss</source>
        <translation>{month} {title} — {status}；共 {n} 件，需会商 {flagged} 件</translation>
    </message>
    <message>
        <source>agreed</source>
        <translation>一致</translation>
    </message>
    <message>
        <source>differ</source>
        <translation>有分歧</translation>
    </message>
    <message>
        <source>{name} (not available)</source>
        <translation>{name}（不参评）</translation>
    </message>
    <message>
        <source>harsh</source>
        <translation>偏严</translation>
    </message>
    <message>
        <source>lenient</source>
        <translation>偏宽</translation>
    </message>
    <message>
        <source>on the mark</source>
        <translation>适中</translation>
    </message>
    <message>
        <source>{n} assignments deployed.</source>
        <translation>已下发 {n} 项分配。</translation>
    </message>
    <message>
        <source>Why is {case} taken out of the round? (kept in the audit trail; reviews begun are kept)</source>
        <translation>{case} 为何移出本轮？（记入操作记录；已开始的评查予以保留）</translation>
    </message>
    <message>
        <source>This change breaks a rule of the assignment:
{warnings}

Assign anyway? It will be recorded with these warnings.</source>
        <translation>此项调整违反分配规则：
{warnings}

仍然分配？将连同上述提示一并记录。</translation>
    </message>
    <message>
        <source>Why is {name} not available for assignments? (kept in the audit trail)</source>
        <translation>{name} 为何不参加分配？（记入操作记录）</translation>
    </message>
    <message>
        <source>{name} is available again: why? (kept in the audit trail)</source>
        <translation>{name} 恢复参评的理由？（记入操作记录）</translation>
    </message>
    <message>
        <source>Finalise the round? Results become immutable (a reopen is audited).</source>
        <translation>确定定稿？定稿后结果不可更改（重新开启会留痕）。</translation>
    </message>
    <message>
        <source>Not reconciled, finalised on the mean of the reviews: {cases}</source>
        <translation>未会商、按评查平均分定稿：{cases}</translation>
    </message>
    <message>
        <source>Why is the finalised round reopened? (kept in the audit trail)</source>
        <translation>为何重新开启已定稿的轮次？（记入审计记录）</translation>
    </message>
    <message>
        <source>Agreed?</source>
        <translation>是否一致</translation>
    </message>
    <message>
        <source>Meeting&apos;s result</source>
        <translation>会商结论</translation>
    </message>
    <message>
        <source>final {total} {grade}</source>
        <translation>定稿 {total} 分 {grade}</translation>
    </message>
    <message>
        <source>mean of the reviews {total} (not yet reconciled)</source>
        <translation>评查平均 {total} 分（尚未会商）</translation>
    </message>
    <message>
        <source>no submitted reviews yet</source>
        <translation>尚无已提交的评查</translation>
    </message>
    <message>
        <source>{case}: {result}; {n} differing item(s) still to decide{flags}</source>
        <translation>{case}：{result}；尚有 {n} 项分歧待裁定{flags}</translation>
    </message>
    <message>
        <source>The meeting deducts: {item}</source>
        <translation>例会认定扣分：{item}</translation>
    </message>
</context>
<context>
    <name>NewRoundDialog</name>
    <message>
        <source>New round for a month</source>
        <translation>新建月度评查轮次</translation>
    </message>
    <message>
        <source>{month} ({n} cases closed)</source>
        <translation>{month}（结案 {n} 件）</translation>
    </message>
    <message>
        <source> — has a round</source>
        <translation> — 已有评查轮次</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Selection rule</source>
        <translation>抽取规则</translation>
    </message>
    <message>
        <source>blank: a new seed, recorded in the round</source>
        <translation>留空：自动生成随机种子并记入本轮</translation>
    </message>
    <message>
        <source>The random draw of sampled cases is reproducible from this number</source>
        <translation>按此数字可复现抽查案卷的随机抽取结果</translation>
    </message>
    <message>
        <source>Seed of the draw</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Reviewers per case</source>
        <translation>每卷评查人数</translation>
    </message>
    <message>
        <source>Blind review: reviewers see the others&apos; results only after submitting</source>
        <translation>背靠背评查：评查人提交本人结果后方可查看他人结果</translation>
    </message>
    <message>
        <source>Hide the handler&apos;s name from reviewers</source>
        <translation>对评查人隐去承办人姓名</translation>
    </message>
    <message>
        <source>Enter the month as YYYY-MM, e.g. 2026-11.</source>
        <translation>月份请按 YYYY-MM 填写，如 2026-11。</translation>
    </message>
    <message>
        <source>{month} already has a round: choose it in the case list.</source>
        <translation>{month} 已有评查轮次：请在案卷列表中选择该轮次。</translation>
    </message>
    <message>
        <source>The seed is a whole number (or blank).</source>
        <translation>随机种子须为整数（或留空）。</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Ctrl+Enter saves</source>
        <translation>Ctrl+Enter 保存</translation>
    </message>
</context>
<context>
    <name>PdfPane</name>
    <message>
        <source>Previous page (PgUp)</source>
        <translation>上一页（PgUp）</translation>
    </message>
    <message>
        <source>Next page (PgDown)</source>
        <translation>下一页（PgDown）</translation>
    </message>
    <message>
        <source>Page on screen; type a page and press Enter to go there</source>
        <translation>当前页码；输入页码后按 Enter 跳转</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小（Ctrl+-）</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+=)</source>
        <translation>放大（Ctrl+=）</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Fit the page to the width (Ctrl+0)</source>
        <translation>页面适合窗口宽度（Ctrl+0）</translation>
    </message>
    <message>
        <source>Continuous</source>
        <translation>连续</translation>
    </message>
    <message>
        <source>Scroll through all pages; off: one page at a time (faster for very large files)</source>
        <translation>连续滚动全部页面；关闭后逐页显示（特别大的文件更快）</translation>
    </message>
    <message>
        <source>Search the file (Ctrl+F)</source>
        <translation>在案卷中搜索（Ctrl+F）</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>上一处（Shift+Enter）</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>下一处（Enter）</translation>
    </message>
    <message>
        <source>The case file {name} is not where it was imported from.</source>
        <translation>案卷文件 {name} 已不在导入时的位置。</translation>
    </message>
    <message>
        <source>The PDF could not be opened ({error}).</source>
        <translation>无法打开该 PDF（{error}）。</translation>
    </message>
    <message>
        <source>The case file is missing: {message}. Reviewing needs the file as imported; locate the folder that now holds it.</source>
        <translation>找不到案卷文件：{message}。评查须使用导入时的原文件，请定位文件现在所在的文件夹。</translation>
    </message>
    <message>
        <source>The case file has changed since it was imported (its sha256 differs): {message}. Pages cited now may not match the imported file. Locate the original, or show this file anyway.</source>
        <translation>案卷文件自导入以来已被改动（sha256 不一致）：{message}。现在引用的页码可能与导入时的文件不符。请定位原文件，或仍然查看此文件。</translation>
    </message>
    <message>
        <source>The PDF could not be read.</source>
        <translation>无法读取该 PDF。</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>适宽</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无结果</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>RangeDialog</name>
    <message>
        <source>Pages</source>
        <translation>页码</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>文书类型</translation>
    </message>
    <message>
        <source>The first page comes after the last page</source>
        <translation>起始页不能大于结束页</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>A reason is required.</source>
        <translation>必须填写原因。</translation>
    </message>
</context>
<context>
    <name>RecordingPane</name>
    <message>
        <source>Recordings</source>
        <translation>执法记录仪录像</translation>
    </message>
    <message>
        <source>Choose a recording to play it (Enter)</source>
        <translation>选择一段录像播放（Enter）</translation>
    </message>
    <message>
        <source>Play / pause (Space)</source>
        <translation>播放 / 暂停（空格）</translation>
    </message>
    <message>
        <source>Position; drag or use ←/→ to seek</source>
        <translation>播放位置；拖动或用 ←/→ 快进快退</translation>
    </message>
    <message>
        <source>Mark time</source>
        <translation>标记时间点</translation>
    </message>
    <message>
        <source>Cite the current moment in the current item&apos;s finding (Ctrl+T)</source>
        <translation>在当前项目的评查意见中引用此刻（Ctrl+T）</translation>
    </message>
    <message>
        <source>This case has no recordings</source>
        <translation>该案卷没有录像</translation>
    </message>
    <message>
        <source>The recording file is not there: {path}</source>
        <translation>找不到录像文件：{path}</translation>
    </message>
    <message>
        <source>Note: this recording has changed since it was imported.</source>
        <translation>注意：该录像自导入以来已被改动。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>This recording cannot be played</source>
        <translation>该录像无法播放</translation>
    </message>
    <message>
        <source>This recording will not play: {reason}</source>
        <translation>该录像无法播放：{reason}</translation>
    </message>
    <message>
        <source>not a readable media file</source>
        <translation>不是可读取的音视频文件</translation>
    </message>
    <message>
        <source>Audio only</source>
        <translation>仅有音频</translation>
    </message>
    <message>
        <source>{step} · recorded at {time}</source>
        <translation>{step} · 拍摄时间 {time}</translation>
    </message>
</context>
<context>
    <name>RecordingsModel</name>
    <message>
        <source>Recording</source>
        <translation>录像（环节）</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Started {time} (from {source})</source>
        <translation>开始于 {time}（依据：{source}）</translation>
    </message>
</context>
<context>
    <name>ReportExporter</name>
    <message>
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Reports show every reviewer&apos;s results, so only legal officers and chiefs can produce them.</source>
        <translation>报告包含所有评查人的评查结果，只有法制员和负责人可以生成。</translation>
    </message>
    <message>
        <source>Save the score sheet</source>
        <translation>保存评查表</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the score sheet</source>
        <translation>正在生成评查表</translation>
    </message>
    <message>
        <source>Choose a month&apos;s round first.</source>
        <translation>请先选择月度评查轮次。</translation>
    </message>
    <message>
        <source>Save the monthly bulletin</source>
        <translation>保存月度通报</translation>
    </message>
    <message>
        <source>Writing the monthly bulletin</source>
        <translation>正在生成月度通报</translation>
    </message>
    <message>
        <source>Reading the month&apos;s reviews…</source>
        <translation>正在读取本月评查结果…</translation>
    </message>
    <message>
        <source>Monthly bulletin</source>
        <translation>月度评查通报</translation>
    </message>
    <message>
        <source>Written:
{files}</source>
        <translation>已生成：
{files}</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>打开所在文件夹</translation>
    </message>
</context>
<context>
    <name>ReviewActionsMixin</name>
    <message>
        <source>Every item has a result</source>
        <translation>所有项目均已评定</translation>
    </message>
    <message>
        <source>The review is submitted and read-only</source>
        <translation>本评查已提交，只读</translation>
    </message>
    <message>
        <source>Only the reviewer who owns this review can change it</source>
        <translation>只有本评查的评查人可以修改</translation>
    </message>
    <message>
        <source>Choose an item of the checklist first</source>
        <translation>请先选择一个评查项目</translation>
    </message>
    <message>
        <source>Why change it?</source>
        <translation>修改原因</translation>
    </message>
    <message>
        <source>This review was submitted and reopened. Say why you change it (kept in the review history).</source>
        <translation>本评查提交后已被重新打开。请说明修改原因（将记入评查记录）。</translation>
    </message>
    <message>
        <source>Rate the item first, then add a note (E)</source>
        <translation>请先评定该项目，再添加备注（E）</translation>
    </message>
    <message>
        <source>Note on {item}</source>
        <translation>{item} 的备注</translation>
    </message>
    <message>
        <source>Mark the rest as passing</source>
        <translation>其余全部评为符合</translation>
    </message>
    <message>
        <source>Mark the {n} items not yet reviewed as 符合 (pass)?

First ones: {items}</source>
        <translation>将尚未评定的 {n} 个项目全部评为“符合”？

包括：{items}</translation>
    </message>
    <message>
        <source>Not ready to submit</source>
        <translation>尚不能提交</translation>
    </message>
    <message>
        <source>{n} items have no result yet: {items}

Rate them, or mark the rest as passing (Ctrl+Shift+P), then submit.</source>
        <translation>还有 {n} 个项目未评定：{items}

请逐项评定，或将其余全部评为符合（Ctrl+Shift+P）后再提交。</translation>
    </message>
    <message>
        <source>Go to the first one</source>
        <translation>转到第一项</translation>
    </message>
    <message>
        <source>Submit the review</source>
        <translation>提交评查</translation>
    </message>
    <message>
        <source>Submit your review of {case}?

Total {total}, {grade}. After submitting, the review is locked; only a legal officer can reopen it.</source>
        <translation>提交对 {case} 的评查？

总分 {total}，{grade}。提交后评查结果即锁定，只有法制员可以重新打开。</translation>
    </message>
    <message>
        <source>Reopen the review</source>
        <translation>重新打开评查</translation>
    </message>
    <message>
        <source>Reopen {reviewer}&apos;s submitted review of {case}? Say why (kept in the audit trail).</source>
        <translation>重新打开 {reviewer} 已提交的 {case} 评查？请说明原因（将记入审计记录）。</translation>
    </message>
</context>
<context>
    <name>ReviewWorkspace</name>
    <message>
        <source>Review by</source>
        <translation>评查人</translation>
    </message>
    <message>
        <source>Whose review is shown: legal officers (and reviewers once they have submitted) can see the other reviews of the case</source>
        <translation>显示哪位评查人的评查：法制员（以及已提交自己评查的评查人）可查看本案其他评查</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>正在打开…</translation>
    </message>
    <message>
        <source>The case could not be opened</source>
        <translation>无法打开该案卷</translation>
    </message>
    <message>
        <source>Open a case</source>
        <translation>打开案卷</translation>
    </message>
    <message>
        <source>Case facts: {n} disagreement(s) with the register</source>
        <translation>案件信息：与台账不一致 {n} 项</translation>
    </message>
    <message>
        <source>Case facts</source>
        <translation>案件信息</translation>
    </message>
    <message>
        <source>What the import read, with pages ({key})</source>
        <translation>导入时读取的信息及所在页（{key}）</translation>
    </message>
    <message>
        <source> — mine</source>
        <translation>（我的）</translation>
    </message>
    <message>
        <source>A file of this case is missing or has changed</source>
        <translation>该案卷有文件缺失或已被改动</translation>
    </message>
    <message>
        <source>The folder that holds {name}</source>
        <translation>{name} 所在的文件夹</translation>
    </message>
    <message>
        <source>Locate the file</source>
        <translation>定位文件</translation>
    </message>
    <message>
        <source>This item cites no page yet</source>
        <translation>该项目尚未引用页码</translation>
    </message>
    <message>
        <source>No document of this item is in the file&apos;s index</source>
        <translation>卷内目录中没有该项目涉及的文书</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>ReviewersDialog</name>
    <message>
        <source>Reviewers of {case}</source>
        <translation>{case} 的评查人</translation>
    </message>
    <message>
        <source>{case}: handled by {handlers} ({unit})</source>
        <translation>{case}：承办人 {handlers}（{unit}）</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现评查人</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source> — has begun, stays</source>
        <translation> — 已开始评查，保留</translation>
    </message>
    <message>
        <source>Take off</source>
        <translation>撤下</translation>
    </message>
    <message>
        <source>{name} ({unit}) — {n} cases, {pages} pages</source>
        <translation>{name}（{unit}）— {n} 卷，{pages} 页</translation>
    </message>
    <message>
        <source> — not available</source>
        <translation> — 不能参评</translation>
    </message>
    <message>
        <source>Put on</source>
        <translation>增派</translation>
    </message>
    <message>
        <source>Required: why the assignment is changed (kept in the audit trail)</source>
        <translation>必填：手工调整分配的理由（记入操作记录）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Choose a reviewer to take off or to put on.</source>
        <translation>请选择要撤下或增派的评查人。</translation>
    </message>
    <message>
        <source>Say why the assignment is changed by hand.</source>
        <translation>请说明手工调整分配的理由。</translation>
    </message>
</context>
<context>
    <name>ScoreHeader</name>
    <message>
        <source>/ {full}</source>
        <translation>/ {full} 分</translation>
    </message>
    <message>
        <source>{done} of {total} items reviewed</source>
        <translation>已评 {done}/{total} 项</translation>
    </message>
    <message>
        <source>, {n} deductions</source>
        <translation>，扣分 {n} 项</translation>
    </message>
    <message>
        <source>Provisional: items not yet reviewed count as passing</source>
        <translation>暂评：未评项目暂按符合计</translation>
    </message>
    <message>
        <source>{veto} — item {items}</source>
        <translation>{veto}（{items}）</translation>
    </message>
    <message>
        <source>Submitted {time}: this review is read-only. A legal officer can reopen it.</source>
        <translation>已于 {time} 提交：本评查只读，法制员可重新打开。</translation>
    </message>
    <message>
        <source>Reopened after submission: every change asks for its reason and is kept in the history.</source>
        <translation>提交后已重新打开：每次修改须说明原因，并记入评查记录。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>system default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>Larger text for a projector at the enforcement meeting</source>
        <translation>在执法例会上投影时可调大字号</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>字号</translation>
    </message>
    <message>
        <source>The bundled font</source>
        <translation>使用内置字体</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Report font</source>
        <translation>报告字体</translation>
    </message>
    <message>
        <source>A new language or font size applies to the window at once; your review stays where it is.</source>
        <translation>更改语言或字号后窗口立即更新，评查进度不受影响。</translation>
    </message>
    <message>
        <source>A font with Chinese characters</source>
        <translation>含中文字形的字体</translation>
    </message>
    <message>
        <source>Fonts (*.ttf *.ttc *.otf)</source>
        <translation>字体 (*.ttf *.ttc *.otf)</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键一览</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>UserChooser</name>
    <message>
        <source>Who are you?</source>
        <translation>我是谁</translation>
    </message>
    <message>
        <source>Choose your name. Reviews, deductions and every change are recorded under it.</source>
        <translation>请选择您的姓名。评查、扣分和每一次修改都将以此署名记录。</translation>
    </message>
</context>
<context>
    <name>WorkspaceActions</name>
    <message>
        <source>Next item</source>
        <translation>下一项</translation>
    </message>
    <message>
        <source>Next item (also ↓ in the checklist)</source>
        <translation>下一项（在评查表中也可按 ↓）</translation>
    </message>
    <message>
        <source>Previous item</source>
        <translation>上一项</translation>
    </message>
    <message>
        <source>Previous item (also ↑ in the checklist)</source>
        <translation>上一项（在评查表中也可按 ↑）</translation>
    </message>
    <message>
        <source>Next unreviewed item</source>
        <translation>下一个未评项目</translation>
    </message>
    <message>
        <source>Pass (符合)</source>
        <translation>符合</translation>
    </message>
    <message>
        <source>The item is met; moves on to the next item</source>
        <translation>该项符合要求，并转到下一项</translation>
    </message>
    <message>
        <source>Deduct…</source>
        <translation>扣分…</translation>
    </message>
    <message>
        <source>Deduct points by the item&apos;s rule, with the reason and the page on screen</source>
        <translation>按该项扣分规则扣分，填写理由并引用当前页</translation>
    </message>
    <message>
        <source>Not applicable (不适用)</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>The item does not apply to this case</source>
        <translation>该项不适用于本案</translation>
    </message>
    <message>
        <source>Clear the result</source>
        <translation>清除结论</translation>
    </message>
    <message>
        <source>Back to not reviewed</source>
        <translation>恢复为未评</translation>
    </message>
    <message>
        <source>Edit the note…</source>
        <translation>编辑备注…</translation>
    </message>
    <message>
        <source>Go to the cited page</source>
        <translation>转到引用页</translation>
    </message>
    <message>
        <source>Jump to the item&apos;s cited pages and recording times in turn</source>
        <translation>依次跳转到该项引用的页码和录像时间点</translation>
    </message>
    <message>
        <source>Go to the item&apos;s documents</source>
        <translation>转到相关文书</translation>
    </message>
    <message>
        <source>Jump to the documents the item concerns, in turn</source>
        <translation>依次跳转到该项涉及的文书</translation>
    </message>
    <message>
        <source>Mark all remaining as pass…</source>
        <translation>其余全部评为符合…</translation>
    </message>
    <message>
        <source>Submit the review…</source>
        <translation>提交评查…</translation>
    </message>
    <message>
        <source>Lock the review; a legal officer can reopen it</source>
        <translation>锁定评查结果；法制员可重新打开</translation>
    </message>
    <message>
        <source>Reopen the review…</source>
        <translation>重新打开评查…</translation>
    </message>
    <message>
        <source>Legal officers: unlock a submitted review, with a reason</source>
        <translation>法制员：说明原因后解锁已提交的评查</translation>
    </message>
    <message>
        <source>Review history…</source>
        <translation>评查记录…</translation>
    </message>
    <message>
        <source>Every change: who, when, before and after, why</source>
        <translation>每次修改：何人、何时、修改前后、原因</translation>
    </message>
    <message>
        <source>Case facts…</source>
        <translation>案件信息…</translation>
    </message>
    <message>
        <source>What the import read (文号, dates, fine …) with pages; where the register disagrees with the file</source>
        <translation>导入时读取的文号、日期、罚款等及所在页；台账与卷宗不一致之处</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Search the file</source>
        <translation>在案卷中搜索</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Play / pause the recording</source>
        <translation>播放 / 暂停录像</translation>
    </message>
    <message>
        <source>Cite the recording&apos;s current time</source>
        <translation>引用录像当前时间点</translation>
    </message>
    <message>
        <source>Add the player&apos;s position to the current item&apos;s finding</source>
        <translation>将播放器当前位置加入当前项目的评查意见</translation>
    </message>
    <message>
        <source>Back to the checklist</source>
        <translation>回到评查表</translation>
    </message>
    <message>
        <source>Go to the document index</source>
        <translation>转到卷内文书目录</translation>
    </message>
    <message>
        <source>Keyboard to the index (Menu key: fix it)</source>
        <translation>键盘焦点转到目录（按菜单键可修正目录）</translation>
    </message>
    <message>
        <source>Go to the case file</source>
        <translation>转到案卷</translation>
    </message>
    <message>
        <source>Go to the recordings</source>
        <translation>转到录像</translation>
    </message>
    <message>
        <source>Back to the case list</source>
        <translation>返回案卷列表</translation>
    </message>
</context>
<context>
    <name>auth</name>
    <message>
        <source>No user is selected; choose who you are first (--user NAME).</source>
        <translation>尚未选择用户；请先指定您是谁（--user 姓名）。</translation>
    </message>
    <message>
        <source>No user with id {id}</source>
        <translation>没有编号为 {id} 的用户</translation>
    </message>
    <message>
        <source>{name} is a {role}; this needs a {needed}.</source>
        <translation>{name} 是{role}；此操作需要{needed}。</translation>
    </message>
    <message>
        <source>No user named {name} in {url}</source>
        <translation>{url} 中没有名为 {name} 的用户</translation>
    </message>
</context>
<context>
    <name>cases</name>
    <message>
        <source>{ref} matches several cases: {list}</source>
        <translation>“{ref}”对应多件案卷：{list}</translation>
    </message>
    <message>
        <source>No case {ref}</source>
        <translation>没有案卷 {ref}</translation>
    </message>
    <message>
        <source>Unknown document type {code}</source>
        <translation>未知的文书类型 {code}</translation>
    </message>
    <message>
        <source>Pages {first}–{last} are outside the file (1–{pages})</source>
        <translation>第 {first}–{last} 页超出文件范围（1–{pages}）</translation>
    </message>
    <message>
        <source>No document {id}</source>
        <translation>没有编号为 {id} 的文书</translation>
    </message>
    <message>
        <source>Page {page} is not inside pages {first}–{last} of the document</source>
        <translation>第 {page} 页不在该文书的第 {first}–{last} 页之内</translation>
    </message>
    <message>
        <source>Choose at least two documents to merge</source>
        <translation>请至少选择两份文书再合并</translation>
    </message>
    <message>
        <source>Only documents of the same file can be merged</source>
        <translation>只能合并同一文件中的文书</translation>
    </message>
    <message>
        <source>Only adjacent documents can be merged</source>
        <translation>只能合并相邻的文书</translation>
    </message>
    <message>
        <source>No case file {id}</source>
        <translation>没有编号为 {id} 的案卷文件</translation>
    </message>
    <message>
        <source>{folder} does not hold this case&apos;s files unchanged: {files}</source>
        <translation>{folder} 中没有该案卷未经改动的文件：{files}</translation>
    </message>
    <message>
        <source>the case folder is not known</source>
        <translation>不知道案卷文件夹的位置</translation>
    </message>
    <message>
        <source>{path} is not there (moved or deleted?)</source>
        <translation>{path} 不存在（被移动或删除了？）</translation>
    </message>
    <message>
        <source>{path} cannot be read: {error}</source>
        <translation>无法读取 {path}：{error}</translation>
    </message>
    <message>
        <source>{path} has changed since it was imported (sha256 differs)</source>
        <translation>{path} 自导入以来已被改动（sha256 不一致）</translation>
    </message>
</context>
<context>
    <name>db</name>
    <message>
        <source>The database is read-only; the change was not saved.</source>
        <translation>数据库为只读；本次修改未保存。</translation>
    </message>
    <message>
        <source>The database refused the change: {reason}</source>
        <translation>数据库拒绝了本次修改：{reason}</translation>
    </message>
    <message>
        <source>Not a database URL: {url}</source>
        <translation>不是有效的数据库地址：{url}</translation>
    </message>
    <message>
        <source>Cannot create the folder for the database {path}: {error}</source>
        <translation>无法为数据库 {path} 创建文件夹：{error}</translation>
    </message>
    <message>
        <source>No driver for {url}; for PostgreSQL install psycopg (pip install psycopg[binary])</source>
        <translation>没有 {url} 的数据库驱动；使用 PostgreSQL 请安装 psycopg（pip install psycopg[binary]）</translation>
    </message>
    <message>
        <source>Cannot use the database URL {url}: {error}</source>
        <translation>无法使用数据库地址 {url}：{error}</translation>
    </message>
    <message>
        <source>{url} holds tables but no review-tool schema version; it is not a review-tool database</source>
        <translation>{url} 中有数据表但没有 review-tool 的结构版本，不是本工具的数据库</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file</source>
        <translation>{path} 是文件夹，不是数据库文件</translation>
    </message>
    <message>
        <source>The database file {path} is read-only; nothing was changed. Copy it somewhere writable or ask for write access.</source>
        <translation>数据库文件 {path} 为只读，未做任何修改。请复制到可写的位置，或申请写入权限。</translation>
    </message>
    <message>
        <source>The folder of the database {path} is read-only; SQLite needs to write its journal there. Nothing was changed.</source>
        <translation>数据库 {path} 所在文件夹为只读，SQLite 需要在此写入日志文件。未做任何修改。</translation>
    </message>
    <message>
        <source>Cannot connect to the database {url}: {reason}</source>
        <translation>无法连接数据库 {url}：{reason}</translation>
    </message>
    <message>
        <source>Upgrading the database {url} failed: {reason}</source>
        <translation>升级数据库 {url} 失败：{reason}</translation>
    </message>
    <message>
        <source>The database {url} was written by a newer version of review-tool (schema {current}); this version knows up to {head}. Install the newer version; nothing was changed.</source>
        <translation>数据库 {url} 由更新版本的 review-tool 写入（结构版本 {current}），本版本最高只支持 {head}。请安装新版本；未做任何修改。</translation>
    </message>
    <message>
        <source>The database {url} has an older schema ({current}); run `review-tool db upgrade --db URL` once to bring it to {head}.</source>
        <translation>数据库 {url} 的结构版本较旧（{current}）；请运行一次 `review-tool db upgrade --db URL` 升级到 {head}。</translation>
    </message>
</context>
<context>
    <name>gui</name>
    <message>
        <source>the case folder is not known</source>
        <translation>不知道案卷文件夹的位置</translation>
    </message>
    <message>
        <source>{path} is not there (moved or deleted?)</source>
        <translation>{path} 不存在（被移动或删除了？）</translation>
    </message>
    <message>
        <source>{path} cannot be read: {error}</source>
        <translation>无法读取 {path}：{error}</translation>
    </message>
    <message>
        <source>No database is open</source>
        <translation>尚未打开数据库</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>{path}: not a readable JSON file ({error})</source>
        <translation>{path}：不是可读取的 JSON 文件（{error}）</translation>
    </message>
    <message>
        <source>{path}: expected a JSON object</source>
        <translation>{path}：应为 JSON 对象</translation>
    </message>
    <message>
        <source>case.json: unknown case type &apos;{value}&apos;</source>
        <translation>case.json：未知的案件类型“{value}”</translation>
    </message>
    <message>
        <source>case.json: &apos;{value}&apos; is not an amount</source>
        <translation>case.json：“{value}”不是金额</translation>
    </message>
    <message>
        <source>{source}: unknown case type &apos;{value}&apos;</source>
        <translation>{source}：未知的案件类型“{value}”</translation>
    </message>
    <message>
        <source>the recording is empty (0 bytes)</source>
        <translation>录像文件为空（0 字节）</translation>
    </message>
    <message>
        <source>not a recording that can be read ({error})</source>
        <translation>不是可读取的录像（{error}）</translation>
    </message>
    <message>
        <source>the file holds no audio or video</source>
        <translation>文件中没有音频或视频</translation>
    </message>
    <message>
        <source>the file is empty (0 bytes)</source>
        <translation>文件为空（0 字节）</translation>
    </message>
    <message>
        <source>it is an HTML page (a failed download?)</source>
        <translation>这是一个网页文件（下载失败？）</translation>
    </message>
    <message>
        <source>it is a ZIP/Office file</source>
        <translation>这是 ZIP 或 Office 文件</translation>
    </message>
    <message>
        <source>it is an image</source>
        <translation>这是图片文件</translation>
    </message>
    <message>
        <source>it does not start with %PDF</source>
        <translation>文件开头不是 %PDF</translation>
    </message>
    <message>
        <source>not a PDF: {kind}</source>
        <translation>不是 PDF：{kind}</translation>
    </message>
    <message>
        <source>the PDF holds only a header and no content (an interrupted export?); export it again</source>
        <translation>PDF 只有文件头、没有内容（导出中断？），请重新导出</translation>
    </message>
    <message>
        <source>the PDF is truncated or damaged (no end-of-file marker); export or copy it again</source>
        <translation>PDF 不完整或已损坏（缺少文件结束标记）；请重新导出或复制</translation>
    </message>
    <message>
        <source>the PDF needs a password (use --password)</source>
        <translation>该 PDF 需要密码（请使用 --password）</translation>
    </message>
    <message>
        <source>the PDF is damaged and cannot be read ({error})</source>
        <translation>PDF 已损坏，无法读取（{error}）</translation>
    </message>
    <message>
        <source>the PDF has no pages</source>
        <translation>PDF 没有页面</translation>
    </message>
    <message>
        <source>the password does not open this PDF</source>
        <translation>密码无法打开该 PDF</translation>
    </message>
    <message>
        <source>the PDF uses an encryption this tool cannot open ({error})</source>
        <translation>该 PDF 使用了本工具无法打开的加密方式（{error}）</translation>
    </message>
    <message>
        <source>{path}: not a readable .xlsx workbook ({error})</source>
        <translation>{path}：不是可读取的 .xlsx 工作簿（{error}）</translation>
    </message>
    <message>
        <source>{path}: the CSV is neither UTF-8 nor GBK text</source>
        <translation>{path}：该 CSV 既不是 UTF-8 也不是 GBK 编码</translation>
    </message>
    <message>
        <source>{path}: a register must be .xlsx or .csv</source>
        <translation>{path}：台账须为 .xlsx 或 .csv 文件</translation>
    </message>
    <message>
        <source>{path}: no such file</source>
        <translation>{path}：文件不存在</translation>
    </message>
    <message>
        <source>{path}: no header row found; the first rows should name columns such as {names}</source>
        <translation>{path}：找不到表头行；前几行应有 {names} 等列名</translation>
    </message>
    <message>
        <source>{path}: the required column for {field} is missing (accepted headers: {names})</source>
        <translation>{path}：缺少必需的“{field}”列（可用的列名：{names}）</translation>
    </message>
    <message>
        <source>row {row}, column {col}: {error}</source>
        <translation>第 {row} 行第 {col} 列：{error}</translation>
    </message>
    <message>
        <source>row {row}: no 文号; the row is ignored</source>
        <translation>第 {row} 行：没有文号，已忽略该行</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a date</source>
        <translation>“{value}”不是日期</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an amount</source>
        <translation>“{value}”不是金额</translation>
    </message>
    <message>
        <source>the folder cannot be read: {error}</source>
        <translation>无法读取该文件夹：{error}</translation>
    </message>
    <message>
        <source>the path cannot be resolved (a symbolic link loop?): {error}</source>
        <translation>无法解析该路径（符号链接循环？）：{error}</translation>
    </message>
    <message>
        <source>skipped: this folder was already scanned through another path (a symbolic link loop or a duplicate path)</source>
        <translation>已跳过：该文件夹已经通过其他路径扫描过（符号链接循环或重复路径）</translation>
    </message>
    <message>
        <source>a broken link: its target does not exist</source>
        <translation>失效的链接：目标不存在</translation>
    </message>
    <message>
        <source>not a regular file (a device or pipe?)</source>
        <translation>不是普通文件（设备或管道？）</translation>
    </message>
    <message>
        <source>the file cannot be read (permission denied)</source>
        <translation>无法读取该文件（没有权限）</translation>
    </message>
    <message>
        <source>a folder named like a PDF file; nothing to import</source>
        <translation>这是一个名称像 PDF 的文件夹；没有可导入的内容</translation>
    </message>
    <message>
        <source>a recording on its own: import the case folder that holds it</source>
        <translation>单独的录像文件：请导入其所在的案卷文件夹</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>文件或文件夹不存在</translation>
    </message>
    <message>
        <source>not a PDF, a recording or a folder; nothing to import</source>
        <translation>不是 PDF、录像或文件夹；没有可导入的内容</translation>
    </message>
    <message>
        <source>the case folder holds no PDF case file</source>
        <translation>该案卷文件夹中没有 PDF 案卷文件</translation>
    </message>
    <message>
        <source>a recording outside any case folder; put it in its case&apos;s folder</source>
        <translation>录像不在任何案卷文件夹中；请放入其所属案卷的文件夹</translation>
    </message>
    <message>
        <source>{path} looks like a case register; it was not applied (use --register to apply it)</source>
        <translation>{path} 看起来是案件台账，未予应用（如需应用请使用 --register）</translation>
    </message>
    <message>
        <source>register.yaml could not be loaded</source>
        <translation>无法加载 register.yaml</translation>
    </message>
    <message>
        <source>worker processes were unavailable; {n} file(s) were read in the main process</source>
        <translation>无法使用工作进程；{n} 个文件改在主进程中读取</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Import cancelled: cases already written are kept; the others were not imported.</source>
        <translation>导入已取消：已写入的案卷予以保留，其余未导入。</translation>
    </message>
    <message>
        <source>not imported: no PDF of its case could be read</source>
        <translation>未导入：该案卷的 PDF 均无法读取</translation>
    </message>
    <message>
        <source>not imported: {error}</source>
        <translation>未导入：{error}</translation>
    </message>
    <message>
        <source>case type not recognised; set to 行政处罚（一般程序）</source>
        <translation>无法识别案件类型；已设为行政处罚（一般程序）</translation>
    </message>
    <message>
        <source>same content as {name}, already imported</source>
        <translation>与 {name} 内容相同，已导入过</translation>
    </message>
    <message>
        <source>same content already imported as case {doc_no}</source>
        <translation>相同内容已作为案卷 {doc_no} 导入</translation>
    </message>
    <message>
        <source>the content differs from the file imported on {when} (sha256 {old}… → {new}…); it was not merged. Re-run with --replace-changed to re-import it.</source>
        <translation>内容与 {when} 导入的文件不同（sha256 {old}… → {new}…），未合并。如需重新导入，请加 --replace-changed 再运行。</translation>
    </message>
    <message>
        <source>{n} page(s) without text (scans): index them by hand</source>
        <translation>{n} 页没有文字层（扫描件）：请人工编制目录</translation>
    </message>
    <message>
        <source>no document titles recognised</source>
        <translation>未识别出任何文书标题</translation>
    </message>
    <message>
        <source>the recording differs from the one imported (sha256 {old}… → {new}…); it was not merged. Re-run with --replace-changed to re-import it.</source>
        <translation>录像与已导入的不同（sha256 {old}… → {new}…），未合并。如需重新导入，请加 --replace-changed 再运行。</translation>
    </message>
    <message>
        <source>no start time in the file or its name</source>
        <translation>文件及文件名中都没有开始时间</translation>
    </message>
    <message>
        <source>{file} row {row}: 文号 {doc_no} matches no imported case</source>
        <translation>{file} 第 {row} 行：文号 {doc_no} 没有对应的已导入案卷</translation>
    </message>
    <message>
        <source>{matched} of {rows} rows matched a case</source>
        <translation>{rows} 行中有 {matched} 行对应到案卷</translation>
    </message>
    <message>
        <source>cannot read the file: {error}</source>
        <translation>无法读取文件：{error}</translation>
    </message>
    <message>
        <source>unexpected error while reading the PDF: {error}</source>
        <translation>读取 PDF 时出现意外错误：{error}</translation>
    </message>
    <message>
        <source>unexpected error while reading the recording: {error}</source>
        <translation>读取音像文件时出现意外错误：{error}</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Pass</source>
        <translation>符合</translation>
    </message>
    <message>
        <source>Deduct</source>
        <translation>扣分</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>已抽取</translation>
    </message>
    <message>
        <source>Under review</source>
        <translation>评查中</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已评查</translation>
    </message>
    <message>
        <source>Finalised</source>
        <translation>已定稿</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>评查中</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Selecting cases</source>
        <translation>抽取中</translation>
    </message>
    <message>
        <source>Assignment proposed</source>
        <translation>待确认分配</translation>
    </message>
    <message>
        <source>Reviews under way</source>
        <translation>评查中</translation>
    </message>
    <message>
        <source>Legal officer</source>
        <translation>法制员</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>评查员</translation>
    </message>
    <message>
        <source>Chief</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>书签</translation>
    </message>
    <message>
        <source>Detected</source>
        <translation>识别</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>人工</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>完好</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>已改动</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Veto: fails the file</source>
        <translation>一票否决（不合格）</translation>
    </message>
    <message>
        <source>Veto: scores zero</source>
        <translation>一票否决（计零分）</translation>
    </message>
    <message>
        <source>Veto: cannot be graded excellent</source>
        <translation>不得评为优秀</translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation>未评</translation>
    </message>
    <message>
        <source>Deduct {n} points</source>
        <translation>扣 {n} 分</translation>
    </message>
    <message>
        <source>Deduct all {n} points</source>
        <translation>扣全分（{n} 分）</translation>
    </message>
    <message>
        <source>Veto item (no points)</source>
        <translation>否决项（不计分）</translation>
    </message>
    <message>
        <source>Deduct {per} per occurrence, at most {cap}</source>
        <translation>每处扣 {per} 分，最多扣 {cap} 分</translation>
    </message>
    <message>
        <source>Deduct between {min} and {max} points</source>
        <translation>扣 {min}–{max} 分</translation>
    </message>
    <message>
        <source>&apos;{part}&apos; is not a page range like 5-7</source>
        <translation>“{part}”不是页码范围（应如 5-7）</translation>
    </message>
    <message>
        <source>&apos;{part}&apos; runs backwards</source>
        <translation>“{part}”起止颠倒</translation>
    </message>
    <message>
        <source>&apos;{part}&apos; is not a page number</source>
        <translation>“{part}”不是页码</translation>
    </message>
    <message>
        <source>Page {page} is outside the file (1–{last})</source>
        <translation>第 {page} 页超出文件范围（1–{last}）</translation>
    </message>
</context>
<context>
    <name>meeting</name>
    <message>
        <source>Case {doc_no} has no reviews in this round yet</source>
        <translation>案卷 {doc_no} 在本轮尚无评查</translation>
    </message>
    <message>
        <source>the meeting</source>
        <translation>例会</translation>
    </message>
    <message>
        <source>No submitted reviews for this case yet</source>
        <translation>该案卷尚无已提交的评查</translation>
    </message>
    <message>
        <source>reviewers agreed</source>
        <translation>评查人意见一致</translation>
    </message>
    <message>
        <source>Review {id} is not a review of this case in this round</source>
        <translation>评查 {id} 不是本轮对该案卷的评查</translation>
    </message>
    <message>
        <source>{doc_no}: no submitted review</source>
        <translation>{doc_no}：没有已提交的评查</translation>
    </message>
    <message>
        <source>{doc_no}: waiting for {names}</source>
        <translation>{doc_no}：等待 {names}</translation>
    </message>
    <message>
        <source>{doc_no}: the reviewers disagree; reconcile it first</source>
        <translation>{doc_no}：评查人意见不一致，请先会商</translation>
    </message>
    <message>
        <source>{doc_no}: reconciliation is not finished ({n} items without an agreed result, first {first})</source>
        <translation>{doc_no}：会商尚未完成（{n} 个项目没有议定结果，第一个：{first}）</translation>
    </message>
    <message>
        <source>The round cannot be finalised yet:
{problems}</source>
        <translation>本轮尚不能定稿：
{problems}</translation>
    </message>
    <message>
        <source>Give the reason for reopening the round</source>
        <translation>请说明重新打开本轮的原因</translation>
    </message>
    <message>
        <source>Round {month} is not finalised</source>
        <translation>{month} 轮次尚未定稿</translation>
    </message>
    <message>
        <source>Calibration is shown to legal officers only</source>
        <translation>评分校准结果仅向法制员显示</translation>
    </message>
</context>
<context>
    <name>org</name>
    <message>
        <source>A unit named {name} already exists</source>
        <translation>已有名为 {name} 的单位</translation>
    </message>
    <message>
        <source>No unit with id {id}</source>
        <translation>没有编号为 {id} 的单位</translation>
    </message>
    <message>
        <source>No unit named {name}</source>
        <translation>没有名为 {name} 的单位</translation>
    </message>
    <message>
        <source>An officer named {name} already exists in that unit</source>
        <translation>该单位已有名为 {name} 的执法人员</translation>
    </message>
    <message>
        <source>A user named {name} already exists</source>
        <translation>已有名为 {name} 的用户</translation>
    </message>
    <message>
        <source>No user {ref}</source>
        <translation>没有用户 {ref}</translation>
    </message>
    <message>
        <source>A conflict names a case or a unit</source>
        <translation>回避申报须指明案卷或单位</translation>
    </message>
    <message>
        <source>Give the reason for the conflict of interest</source>
        <translation>请说明回避的原因</translation>
    </message>
    <message>
        <source>Say why the conflict of interest is withdrawn</source>
        <translation>请说明撤回回避申报的理由</translation>
    </message>
    <message>
        <source>No declared conflict {id}</source>
        <translation>没有编号为 {id} 的回避申报</translation>
    </message>
    <message>
        <source>That declaration was already withdrawn on {date}</source>
        <translation>该回避申报已于 {date} 撤回</translation>
    </message>
    <message>
        <source>Only {name} or a legal officer can change this</source>
        <translation>只有 {name} 本人或法制员可以修改</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <source>Font file not found: {path}</source>
        <translation>找不到字体文件：{path}</translation>
    </message>
    <message>
        <source>{path} is not a TrueType font (CFF/OpenType outlines cannot be embedded); choose a .ttf or .ttc font such as SimSun or Microsoft YaHei</source>
        <translation>{path} 不是 TrueType 字体（CFF/OpenType 轮廓无法嵌入）；请选择 .ttf 或 .ttc 字体，如宋体或微软雅黑</translation>
    </message>
    <message>
        <source>{path} has no Chinese characters</source>
        <translation>{path} 不含中文字形</translation>
    </message>
    <message>
        <source>Round {month} has no submitted review yet; there is nothing to report</source>
        <translation>{month} 轮次尚无已提交的评查，没有可报告的内容</translation>
    </message>
    <message>
        <source>{path} is a folder; give a file name</source>
        <translation>{path} 是文件夹；请指定文件名</translation>
    </message>
    <message>
        <source>Cannot write {path}: folder {folder} does not exist</source>
        <translation>无法写入 {path}：文件夹 {folder} 不存在</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason} (is it open in another program?)</source>
        <translation>无法写入 {path}：{reason}（是否已在其他程序中打开？）</translation>
    </message>
    <message>
        <source>No review round {ref}</source>
        <translation>没有评查轮次 {ref}</translation>
    </message>
    <message>
        <source>No case {ref}</source>
        <translation>没有案卷 {ref}</translation>
    </message>
    <message>
        <source>Case {case} is not in round {month}</source>
        <translation>案卷 {case} 不在 {month} 轮次中</translation>
    </message>
    <message>
        <source>Case {case} has no submitted review yet ({n} under way); use --draft for a draft sheet</source>
        <translation>案卷 {case} 尚无已提交的评查（{n} 份进行中）；如需草稿评查表请使用 --draft</translation>
    </message>
    <message>
        <source>Case {case} has no submitted review yet</source>
        <translation>案卷 {case} 尚无已提交的评查</translation>
    </message>
</context>
<context>
    <name>reviews</name>
    <message>
        <source>Item {item} is not in checklist {checklist}</source>
        <translation>评查表“{checklist}”中没有项目 {item}</translation>
    </message>
    <message>
        <source>{item}: a deduction needs its reason (扣分理由)</source>
        <translation>{item}：扣分须写明扣分理由</translation>
    </message>
    <message>
        <source>Round {month} is finalised; no new reviews</source>
        <translation>{month} 轮次已定稿，不能新增评查</translation>
    </message>
    <message>
        <source>Only a legal officer can choose the checklist version of a review</source>
        <translation>只有法制员可以指定评查所用的评查表版本</translation>
    </message>
    <message>
        <source>Case {doc_no} is not in round {month}</source>
        <translation>案卷 {doc_no} 不在 {month} 轮次中</translation>
    </message>
    <message>
        <source>{name} is not assigned to review {doc_no} in round {month}</source>
        <translation>{name} 未被分配评查 {month} 轮次的 {doc_no}</translation>
    </message>
    <message>
        <source>No checklist version {version} for this case type (known: {known})</source>
        <translation>该案件类型没有 {version} 版评查表（现有：{known}）</translation>
    </message>
    <message>
        <source>{item}: file {file} is not a file of this case</source>
        <translation>{item}：文件 {file} 不属于本案卷</translation>
    </message>
    <message>
        <source>{item}: page {page} is outside the file (1–{pages})</source>
        <translation>{item}：第 {page} 页超出文件范围（1–{pages}）</translation>
    </message>
    <message>
        <source>{item}: recording {recording} at {ms} ms is not a moment of this case&apos;s recordings</source>
        <translation>{item}：录像 {recording} 的 {ms} 毫秒处不属于本案卷的录像</translation>
    </message>
    <message>
        <source>Rate item {item} before adding a note</source>
        <translation>请先评定项目 {item} 再添加备注</translation>
    </message>
    <message>
        <source>No review {id}</source>
        <translation>没有评查 {id}</translation>
    </message>
    <message>
        <source>{n} items are not reviewed yet (first: {first}); rate them or mark the rest 符合 before submitting</source>
        <translation>还有 {n} 个项目未评定（第一个：{first}）；请逐项评定或将其余评为符合后再提交</translation>
    </message>
    <message>
        <source>Give the reason for reopening the review</source>
        <translation>请说明重新打开评查的原因</translation>
    </message>
    <message>
        <source>The review is not submitted; nothing to reopen</source>
        <translation>该评查尚未提交，无需重新打开</translation>
    </message>
    <message>
        <source>Only the reviewer who owns this review can change it</source>
        <translation>只有本评查的评查人可以修改</translation>
    </message>
    <message>
        <source>The review is submitted and locked; a legal officer can reopen it</source>
        <translation>该评查已提交并锁定；法制员可重新打开</translation>
    </message>
    <message>
        <source>This review was reopened after submission: say why you change it (修改原因)</source>
        <translation>该评查提交后被重新打开：请填写修改原因</translation>
    </message>
    <message>
        <source>Round {month} is finalised; its results can only change after an audited reopen of the round</source>
        <translation>{month} 轮次已定稿；须经留痕的重新打开后才能修改其结果</translation>
    </message>
</context>
<context>
    <name>rounds</name>
    <message>
        <source>No round {ref}</source>
        <translation>没有评查轮次 {ref}</translation>
    </message>
    <message>
        <source>Reviewers per case must be at least 1 (got {n})</source>
        <translation>每件案卷的评查人数至少为 1（收到的是 {n}）</translation>
    </message>
    <message>
        <source>A month is written YYYY-MM, e.g. 2023-05 (got {month})</source>
        <translation>月份应写作 YYYY-MM，如 2023-05（收到的是 {month}）</translation>
    </message>
    <message>
        <source>Round {month} is finalised; reopen it (with a reason) to change it</source>
        <translation>{month} 轮次已定稿；如需修改请先说明原因重新打开</translation>
    </message>
    <message>
        <source>No selection rule named {rule} (known: {known})</source>
        <translation>没有名为 {rule} 的抽取规则（现有：{known}）</translation>
    </message>
    <message>
        <source>A round for {month} already exists</source>
        <translation>{month} 的评查轮次已存在</translation>
    </message>
    <message>
        <source>No cases with {field} in {month}: import the month&apos;s case files first (review-tool import)</source>
        <translation>{month} 没有{field}的案卷：请先导入当月案卷（review-tool import）</translation>
    </message>
    <message>
        <source>The rule {rule} selects none of the {n} cases of {month}</source>
        <translation>规则 {rule} 在 {month} 的 {n} 件案卷中一件也没有抽到</translation>
    </message>
    <message>
        <source>Say why the case is added by hand</source>
        <translation>请说明手工加入该案卷的原因</translation>
    </message>
    <message>
        <source>The case is already in the round</source>
        <translation>该案卷已在本轮中</translation>
    </message>
    <message>
        <source>Say why the case is removed</source>
        <translation>请说明移除该案卷的原因</translation>
    </message>
    <message>
        <source>The case is not in the round</source>
        <translation>该案卷不在本轮中</translation>
    </message>
    <message>
        <source>Round {month} has no cases; add cases first</source>
        <translation>{month} 轮次中没有案卷；请先加入案卷</translation>
    </message>
    <message>
        <source>Every case of the round has reviews under way; nothing to assign</source>
        <translation>本轮所有案卷均已在评查中，无需分配</translation>
    </message>
    <message>
        <source>Nothing is proposed; run the assignment first</source>
        <translation>尚无分配方案；请先运行分配</translation>
    </message>
    <message>
        <source>Say why the assignment is changed by hand</source>
        <translation>请说明手工调整分配的原因</translation>
    </message>
    <message>
        <source>Name a reviewer to add or to remove</source>
        <translation>请指定要增加或移除的评查人</translation>
    </message>
    <message>
        <source>That reviewer has begun the review; it is kept. Add another reviewer instead.</source>
        <translation>该评查人已开始评查，予以保留。请另行增加评查人。</translation>
    </message>
    <message>
        <source>User {id} is not assigned to this case</source>
        <translation>用户 {id} 未被分配评查该案卷</translation>
    </message>
    <message>
        <source>User {id} is already assigned to this case</source>
        <translation>用户 {id} 已被分配评查该案卷</translation>
    </message>
    <message>
        <source>User {id} is not a reviewer</source>
        <translation>用户 {id} 不是评查员</translation>
    </message>
    <message>
        <source>This breaks a rule of the assignment: {w}. Confirm to assign anyway (it will be recorded).</source>
        <translation>这违反了分配规则：{w}。确认仍要分配（将予以记录）。</translation>
    </message>
    <message>
        <source>assigned by hand: {reason}</source>
        <translation>手工分配：{reason}</translation>
    </message>
    <message>
        <source>No reviewers are assigned to this case yet</source>
        <translation>该案卷尚未分配评查人</translation>
    </message>
    <message>
        <source>{name} declared a conflict of interest ({reason}): change the reviewers</source>
        <translation>{name}已申报回避（{reason}），请调整评查人</translation>
    </message>
</context>
</TS>
